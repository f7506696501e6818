<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Lesson</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>step %1 of %2 · seed %3</source>
        <translation>第 %1 步，共 %2 步 · 讲义 %3</translation>
    </message>
    <message>
        <source>Predict first</source>
        <translation>先预测</translation>
    </message>
    <message>
        <source>your number</source>
        <translation>你的数值</translation>
    </message>
    <message>
        <source>Run and reveal</source>
        <translation>运行并揭晓</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>The step before (Page Up)</source>
        <translation>上一步（Page Up）</translation>
    </message>
    <message>
        <source>The next step (Page Down)</source>
        <translation>下一步（Page Down）</translation>
    </message>
    <message>
        <source>Predict first: the numbers show when the step runs.</source>
        <translation>请先预测：这一步运行后才显示数值。</translation>
    </message>
    <message>
        <source>Click on the plot “%1”.</source>
        <translation>请在图“%1”上点击。</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>off</source>
        <translation>有偏差</translation>
    </message>
</context>
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
    <name>Panel</name>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Look back at earlier steps (Left and Right keys); the run goes on from the newest</source>
        <translation>回看之前的步骤（左右方向键）；运行从最新一步继续</translation>
    </message>
    <message>
        <source>What you see</source>
        <translation>图中所示</translation>
    </message>
    <message>
        <source>Delay (s)</source>
        <translation>延时（秒）</translation>
    </message>
    <message>
        <source>Pause between steps while running, to watch each one</source>
        <translation>运行时每步之间停顿，便于逐步观察</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
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
<context>
    <name>RunState</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>stepping</source>
        <translation>单步中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>torch device chosen by engine.device (auto: CUDA when present, else CPU)</source>
        <translation>engine.device 选定的 torch 设备（auto：有 CUDA 时用 CUDA，否则用 CPU）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>device: %1</source>
        <translation>设备：%1</translation>
    </message>
</context>
</TS>
