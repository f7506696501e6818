<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Menus</name>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Restart lesson</source>
        <translation>重新开始课程(&amp;R)</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open data…</source>
        <translation>打开数据(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save data…</source>
        <translation>保存数据(&amp;S)…</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>保存模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export figure or animation…</source>
        <translation>导出图或动画(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large fonts and thick lines for a projector</source>
        <translation>为投影仪放大字体、加粗线条</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LVM Lab</source>
        <translation>关于 LVM Lab(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>EM</source>
        <translation>EM</translation>
    </message>
    <message>
        <source>Estimators</source>
        <translation>估计量</translation>
    </message>
    <message>
        <source>ELBO &amp; VI</source>
        <translation>ELBO 与变分推断</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
</context>
<context>
    <name>RunButtons</name>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Exactly one step of the generator (Space)</source>
        <translation>生成器恰好前进一步（空格）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run to the end at the chosen speed; again to pause (R)</source>
        <translation>以所选速度运行到底；再按一次暂停（R）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running computation; what is drawn stays (Esc)</source>
        <translation>停止正在进行的计算；已画出的保留（Esc）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the preset&apos;s parameters, from the first step</source>
        <translation>回到预设的参数，从第一步开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
</TS>
