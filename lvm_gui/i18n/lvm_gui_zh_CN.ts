<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Choice</name>
    <message>
        <source>auto</source>
        <comment>device</comment>
        <translation>自动</translation>
    </message>
    <message>
        <source>cpu</source>
        <comment>device</comment>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cuda</source>
        <comment>device</comment>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>gmm1d</source>
        <comment>kind</comment>
        <translation>一维高斯混合</translation>
    </message>
    <message>
        <source>gmm2d</source>
        <comment>kind</comment>
        <translation>二维高斯混合</translation>
    </message>
    <message>
        <source>coins</source>
        <comment>kind</comment>
        <translation>三硬币</translation>
    </message>
    <message>
        <source>faithful</source>
        <comment>kind</comment>
        <translation>老忠实泉</translation>
    </message>
    <message>
        <source>file</source>
        <comment>kind</comment>
        <translation>文件</translation>
    </message>
    <message>
        <source>square</source>
        <comment>span</comment>
        <translation>正方形</translation>
    </message>
    <message>
        <source>iterates</source>
        <comment>span</comment>
        <translation>迭代点范围</translation>
    </message>
    <message>
        <source>full</source>
        <comment>covariance</comment>
        <translation>完全</translation>
    </message>
    <message>
        <source>diag</source>
        <comment>covariance</comment>
        <translation>对角</translation>
    </message>
    <message>
        <source>spherical</source>
        <comment>covariance</comment>
        <translation>球形</translation>
    </message>
    <message>
        <source>tied</source>
        <comment>covariance</comment>
        <translation>共享</translation>
    </message>
    <message>
        <source>kmeans</source>
        <comment>init</comment>
        <translation>k 均值标签</translation>
    </message>
    <message>
        <source>k-means++</source>
        <comment>init</comment>
        <translation>k 均值++ 中心</translation>
    </message>
    <message>
        <source>random</source>
        <comment>init</comment>
        <translation>随机责任</translation>
    </message>
    <message>
        <source>points</source>
        <comment>init</comment>
        <translation>给定点</translation>
    </message>
    <message>
        <source>binary</source>
        <comment>model</comment>
        <translation>二值模型</translation>
    </message>
    <message>
        <source>mixture</source>
        <comment>model</comment>
        <translation>混合模型</translation>
    </message>
    <message>
        <source>curve1d</source>
        <comment>model</comment>
        <translation>一维曲线模型</translation>
    </message>
    <message>
        <source>curve2d</source>
        <comment>model</comment>
        <translation>二维曲线模型</translation>
    </message>
    <message>
        <source>vae</source>
        <comment>model</comment>
        <translation>VAE</translation>
    </message>
    <message>
        <source>uniform</source>
        <comment>proposal</comment>
        <translation>均匀</translation>
    </message>
    <message>
        <source>prior</source>
        <comment>proposal</comment>
        <translation>先验</translation>
    </message>
    <message>
        <source>fitted</source>
        <comment>proposal</comment>
        <translation>拟合</translation>
    </message>
    <message>
        <source>gaussian</source>
        <comment>proposal</comment>
        <translation>高斯</translation>
    </message>
    <message>
        <source>posterior</source>
        <comment>proposal</comment>
        <translation>后验</translation>
    </message>
    <message>
        <source>z2</source>
        <comment>objective</comment>
        <translation>f(z) = z²</translation>
    </message>
    <message>
        <source>elbo</source>
        <comment>objective</comment>
        <translation>ELBO</translation>
    </message>
    <message>
        <source>bimodal</source>
        <comment>posterior</comment>
        <translation>双峰</translation>
    </message>
    <message>
        <source>skewed</source>
        <comment>posterior</comment>
        <translation>偏斜</translation>
    </message>
    <message>
        <source>gaussian</source>
        <comment>posterior</comment>
        <translation>高斯</translation>
    </message>
    <message>
        <source>exact</source>
        <comment>method</comment>
        <translation>精确梯度</translation>
    </message>
    <message>
        <source>sga</source>
        <comment>method</comment>
        <translation>随机梯度 (SGA)</translation>
    </message>
    <message>
        <source>gaussian</source>
        <comment>target</comment>
        <translation>相关高斯</translation>
    </message>
    <message>
        <source>banana</source>
        <comment>target</comment>
        <translation>香蕉形</translation>
    </message>
    <message>
        <source>gaussian</source>
        <comment>method</comment>
        <translation>高斯 q</translation>
    </message>
    <message>
        <source>em</source>
        <comment>method</comment>
        <translation>EM（精确后验）</translation>
    </message>
    <message>
        <source>digits</source>
        <comment>dataset</comment>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>poles</source>
        <comment>dataset</comment>
        <translation>杆与影</translation>
    </message>
    <message>
        <source>bernoulli</source>
        <comment>likelihood</comment>
        <translation>伯努利</translation>
    </message>
    <message>
        <source>continuous-bernoulli</source>
        <comment>likelihood</comment>
        <translation>连续伯努利</translation>
    </message>
    <message>
        <source>gaussian</source>
        <comment>likelihood</comment>
        <translation>高斯</translation>
    </message>
    <message>
        <source>linear</source>
        <comment>path</comment>
        <translation>直线</translation>
    </message>
    <message>
        <source>slerp</source>
        <comment>path</comment>
        <translation>球面插值</translation>
    </message>
    <message>
        <source>mesh</source>
        <comment>path</comment>
        <translation>流形网格</translation>
    </message>
    <message>
        <source>ae</source>
        <comment>model</comment>
        <translation>AE</translation>
    </message>
</context>
<context>
    <name>Experiment</name>
    <message>
        <source>Data sets: Gaussian mixtures, three coins, Old Faithful</source>
        <comment>data</comment>
        <translation>数据集：高斯混合、三硬币、老忠实泉</translation>
    </message>
    <message>
        <source>The image data sets of the VAE panel: digits, pole and shadow, MNIST files</source>
        <comment>images</comment>
        <translation>VAE 面板的图像数据集：手写数字、杆与影、MNIST 文件</translation>
    </message>
    <message>
        <source>Two means of a 1-D mixture (seed 003 §2.9)</source>
        <comment>gmm1d-means</comment>
        <translation>一维混合的两个均值（讲义 003 §2.9）</translation>
    </message>
    <message>
        <source>Three coins, many starts (seed 003, Li Hang)</source>
        <comment>coins</comment>
        <translation>三硬币，多个初值（讲义 003，李航）</translation>
    </message>
    <message>
        <source>Gaussian mixture, K components (Bishop §9.2)</source>
        <comment>gmm</comment>
        <translation>高斯混合，K 个分量（Bishop §9.2）</translation>
    </message>
    <message>
        <source>Naive Monte Carlo against importance sampling for p(x), against the exact value</source>
        <comment>race</comment>
        <translation>估计 p(x)：朴素蒙特卡洛对重要性采样，与精确值比较</translation>
    </message>
    <message>
        <source>Score function, baseline and reparameterisation gradients against the exact one</source>
        <comment>gradients</comment>
        <translation>分数函数、基线与重参数化梯度，与精确梯度比较</translation>
    </message>
    <message>
        <source>q = N(m, s²) against a 1-D posterior: the ELBO, its gap and its ascent, exactly</source>
        <comment>vi-gauss</comment>
        <translation>q = N(m, s²) 逼近一维后验：ELBO、它的差距与上升，精确计算</translation>
    </message>
    <message>
        <source>KL(p ‖ q) against KL(q ‖ p): mass covering against mode seeking</source>
        <comment>kl-directions</comment>
        <translation>KL(p ‖ q) 对 KL(q ‖ p)：覆盖质量对寻找众数</translation>
    </message>
    <message>
        <source>Mean-field coordinate ascent on a 2-D target, sweep by sweep</source>
        <comment>cavi</comment>
        <translation>二维目标上的平均场坐标上升，一轮一轮</translation>
    </message>
    <message>
        <source>Learning θ by alternating ascents of the ELBO: the staircase under log p(x; θ)</source>
        <comment>variational-learning</comment>
        <translation>交替上升 ELBO 学习 θ：log p(x; θ) 之下的阶梯</translation>
    </message>
    <message>
        <source>Straight-line interpolation in a VAE and a plain autoencoder, scored against the data</source>
        <comment>interpolate</comment>
        <translation>VAE 与普通自编码器中的直线插值，以数据为尺度评分</translation>
    </message>
    <message>
        <source>A VAE or a plain autoencoder trained on images, evaluated by IWAE</source>
        <comment>vae</comment>
        <translation>在图像上训练的 VAE 或普通自编码器，以 IWAE 评估</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 之一</translation>
    </message>
    <message>
        <source>&gt;= {bound}</source>
        <translation>≥ {bound}</translation>
    </message>
    <message>
        <source>&lt;= {bound}</source>
        <translation>≤ {bound}</translation>
    </message>
    <message>
        <source>{low} and {high}</source>
        <translation>{low} 且 {high}</translation>
    </message>
</context>
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
    <name>Message</name>
    <message>
        <source>{name} = None: a value is required</source>
        <translation>{name}：必须给出一个值</translation>
    </message>
    <message>
        <source>{name} = {value}: expected a list of numbers</source>
        <translation>{name} = {value}：应为一列数</translation>
    </message>
    <message>
        <source>{name} = {value}: expected true or false</source>
        <translation>{name} = {value}：应为真或假</translation>
    </message>
    <message>
        <source>{name} = {value}: expected an integer; allowed: {allowed}</source>
        <translation>{name} = {value}：应为整数；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: expected a number; allowed: {allowed}</source>
        <translation>{name} = {value}：应为数；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: not a finite number; allowed: {allowed}</source>
        <translation>{name} = {value}：不是有限数；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: expected text; allowed: {allowed}</source>
        <translation>{name} = {value}：应为文本；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: not allowed; allowed: {allowed}</source>
        <translation>{name} = {value}：不允许；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: too small; allowed: {allowed}</source>
        <translation>{name} = {value}：太小；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: too large; allowed: {allowed}</source>
        <translation>{name} = {value}：太大；允许：{allowed}</translation>
    </message>
    <message>
        <source>{name} = {value}: an empty entry; give numbers separated by commas</source>
        <translation>{name} = {value}：有一项为空；请给出以逗号分隔的数</translation>
    </message>
    <message>
        <source>{name} = {value}: not a bool</source>
        <translation>{name} = {value}：不是真假值</translation>
    </message>
    <message>
        <source>{name} = {value}: not an int</source>
        <translation>{name} = {value}：不是整数</translation>
    </message>
    <message>
        <source>{name} = {value}: not a float</source>
        <translation>{name} = {value}：不是数</translation>
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
        <source>Which model this panel runs</source>
        <translation>本面板运行哪个模型</translation>
    </message>
    <message>
        <source>Presets reproduce the course material&apos;s experiments</source>
        <translation>预设重现讲义中的实验</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>（自定义）</translation>
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
    <name>Parameter</name>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>数据种类</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n，样本数</translation>
    </message>
    <message>
        <source>k</source>
        <translation>K，分量数</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>means</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>stds</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>covariances</source>
        <translation>协方差</translation>
    </message>
    <message>
        <source>normalize</source>
        <translation>归一化权重</translation>
    </message>
    <message>
        <source>p_a</source>
        <translation>p_A</translation>
    </message>
    <message>
        <source>p_b</source>
        <translation>p_B</translation>
    </message>
    <message>
        <source>p_c</source>
        <translation>p_C</translation>
    </message>
    <message>
        <source>observations</source>
        <translation>观测</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>分批显示</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>true_means</source>
        <translation>真实均值</translation>
    </message>
    <message>
        <source>pi</source>
        <translation>π</translation>
    </message>
    <message>
        <source>start</source>
        <translation>初值</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>span</source>
        <translation>曲面范围</translation>
    </message>
    <message>
        <source>mu_range</source>
        <translation>μ 范围</translation>
    </message>
    <message>
        <source>surface</source>
        <translation>计算曲面</translation>
    </message>
    <message>
        <source>half_steps</source>
        <translation>E、M 分步</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>正面数</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>真实参数</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>初值</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>随机初值数</translation>
    </message>
    <message>
        <source>standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>components</source>
        <translation>K，分量数</translation>
    </message>
    <message>
        <source>covariance</source>
        <translation>协方差类型</translation>
    </message>
    <message>
        <source>init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>start_means</source>
        <translation>初始均值</translation>
    </message>
    <message>
        <source>tol</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>reg_covar</source>
        <translation>协方差正则</translation>
    </message>
    <message>
        <source>n_init</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>D，隐像素数</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>提议分布 q</translation>
    </message>
    <message>
        <source>q_mean</source>
        <translation>q 的均值</translation>
    </message>
    <message>
        <source>q_scale</source>
        <translation>q 的标准差</translation>
    </message>
    <message>
        <source>image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>chains</source>
        <translation>C，链数</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>posterior</source>
        <translation>后验</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>step_size</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>other</source>
        <translation>另一个 q</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标分布</translation>
    </message>
    <message>
        <source>rho</source>
        <translation>ρ</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>sweeps</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>theta</source>
        <translation>θ</translation>
    </message>
    <message>
        <source>rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>latent</source>
        <translation>L，潜空间维数</translation>
    </message>
    <message>
        <source>likelihood</source>
        <translation>似然</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>β</translation>
    </message>
    <message>
        <source>learning_rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a，起点图像</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b，终点图像</translation>
    </message>
    <message>
        <source>points</source>
        <translation>路径点数</translation>
    </message>
    <message>
        <source>vae_file</source>
        <translation>VAE 权重文件</translation>
    </message>
    <message>
        <source>ae_file</source>
        <translation>AE 权重文件</translation>
    </message>
    <message>
        <source>reuse_trained</source>
        <translation>复用已训练模型</translation>
    </message>
    <message>
        <source>iwae_k</source>
        <translation>IWAE 的最大 k</translation>
    </message>
    <message>
        <source>save</source>
        <translation>保存权重到</translation>
    </message>
    <message>
        <source>load</source>
        <translation>加载权重自</translation>
    </message>
</context>
<context>
    <name>Parameter help</name>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>data.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>data.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>what data: a 1-D or 2-D Gaussian mixture, the three coins, Old Faithful&apos;s eruptions, or a CSV/NPZ file</source>
        <comment>data.kind</comment>
        <translation>什么数据：一维或二维高斯混合、三硬币、老忠实泉的喷发，或一个 CSV/NPZ 文件</translation>
    </message>
    <message>
        <source>number of data points drawn (default: 100 in 1-D as in seed 003, 500 in 2-D, 1000 coin tosses)</source>
        <comment>data.n</comment>
        <translation>抽取的数据点数（默认：一维 100 个，同讲义 003；二维 500 个；硬币 1000 次）</translation>
    </message>
    <message>
        <source>K, the number of mixture components (default: from the means, else 2 in 1-D and 3 in 2-D)</source>
        <comment>data.k</comment>
        <translation>K，混合分量数（默认：由均值决定，否则一维 2 个、二维 3 个）</translation>
    </message>
    <message>
        <source>mixing weights π_k = p(z = k), one a component, summing to 1 (default: equal)</source>
        <comment>data.weights</comment>
        <translation>混合权重 π_k = p(z = k)，每个分量一个，和为 1（默认：相等）</translation>
    </message>
    <message>
        <source>component means μ_k: K numbers in 1-D; &apos;x, y; x, y&apos; in 2-D</source>
        <comment>data.means</comment>
        <translation>分量均值 μ_k：一维为 K 个数；二维为 &apos;x, y; x, y&apos;</translation>
    </message>
    <message>
        <source>1-D: standard deviations σ_k, one a component (default 1)</source>
        <comment>data.stds</comment>
        <translation>一维：标准差 σ_k，每个分量一个（默认 1）</translation>
    </message>
    <message>
        <source>2-D: covariances Σ_k as &apos;σx², σxy, σy²&apos; a component, separated by &apos;;&apos;</source>
        <comment>data.covariances</comment>
        <translation>二维：协方差 Σ_k，每个分量写作 &apos;σx², σxy, σy²&apos;，以 &apos;;&apos; 分隔</translation>
    </message>
    <message>
        <source>rescale weights that do not sum to 1 (with a note) instead of rejecting them</source>
        <comment>data.normalize</comment>
        <translation>权重之和不为 1 时按比例缩放（并给出说明），而不是拒绝</translation>
    </message>
    <message>
        <source>p_A: probability that coin A shows heads (then B is tossed)</source>
        <comment>data.p_a</comment>
        <translation>p_A：硬币 A 正面朝上的概率（此时掷硬币 B）</translation>
    </message>
    <message>
        <source>p_B: probability that coin B shows heads</source>
        <comment>data.p_b</comment>
        <translation>p_B：硬币 B 正面朝上的概率</translation>
    </message>
    <message>
        <source>p_C: probability that coin C shows heads</source>
        <comment>data.p_c</comment>
        <translation>p_C：硬币 C 正面朝上的概率</translation>
    </message>
    <message>
        <source>given coin outcomes (1 heads, 0 tails) instead of drawing n, e.g. Li Hang&apos;s 1,1,0,1,0,0,1,0,1,1</source>
        <comment>data.observations</comment>
        <translation>给定的硬币结果（1 正面，0 反面），代替抽取 n 次，例如李航的 1,1,0,1,0,0,1,0,1,1</translation>
    </message>
    <message>
        <source>a CSV (1 or 2 numeric columns, optional label column z) or NPZ file (arrays x, optional z)</source>
        <comment>data.path</comment>
        <translation>一个 CSV 文件（1 或 2 个数值列，可选标签列 &apos;z&apos;）或 NPZ 文件（数组 &apos;x&apos;，可选 &apos;z&apos;）</translation>
    </message>
    <message>
        <source>the sample is revealed in this many steps</source>
        <comment>data.batches</comment>
        <translation>样本分这么多步显示</translation>
    </message>
    <message>
        <source>write the data set to this .npz file when done</source>
        <comment>data.out</comment>
        <translation>完成后把数据集写入这个 &apos;.npz&apos; 文件</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>images.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>images.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>the images: digits (scikit-learn&apos;s 8×8), poles (pole and shadow), or MNIST / Fashion-MNIST as IDX (raw or .gz, labels beside it) or an NPZ (x, labels)</source>
        <comment>images.dataset</comment>
        <translation>图像：手写数字（scikit-learn 的 8×8）、杆与影，或 IDX 格式的 MNIST / Fashion-MNIST（原始或 &apos;.gz&apos;，标签文件在旁）或一个 NPZ 文件（数组 &apos;x&apos; 与 &apos;labels&apos;）</translation>
    </message>
    <message>
        <source>pole and shadow: images rendered</source>
        <comment>images.images</comment>
        <translation>杆与影：渲染的图像数</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>gmm1d-means.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>gmm1d-means.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>a CSV or NPZ file of 1-D points, or the Data panel&apos;s recipe (data:{...}); unset: seed 003&apos;s sample (n points from π N(−2, 1) + (1 − π) N(2, 1))</source>
        <comment>gmm1d-means.data</comment>
        <translation>一维点的 CSV 或 NPZ 文件，或数据面板的配方（&apos;data:{...}&apos;）；不设：讲义 003 的样本（从 π N(−2, 1) + (1 − π) N(2, 1) 抽取 n 个点）</translation>
    </message>
    <message>
        <source>points drawn when no data file is given</source>
        <comment>gmm1d-means.n</comment>
        <translation>未给数据文件时抽取的点数</translation>
    </message>
    <message>
        <source>μ1, μ2 that generate the sample</source>
        <comment>gmm1d-means.true_means</comment>
        <translation>生成样本的 μ1, μ2</translation>
    </message>
    <message>
        <source>π, the known weight of component 1 (σ = 1 for both)</source>
        <comment>gmm1d-means.pi</comment>
        <translation>π，分量 1 的已知权重（两者 σ = 1）</translation>
    </message>
    <message>
        <source>the starting means μ1, μ2 (click the surface to choose)</source>
        <comment>gmm1d-means.start</comment>
        <translation>初始均值 μ1, μ2（点击曲面选择）</translation>
    </message>
    <message>
        <source>T, the number of EM iterations</source>
        <comment>gmm1d-means.iterations</comment>
        <translation>T，EM 迭代次数</translation>
    </message>
    <message>
        <source>G: the surface is drawn on a G × G grid</source>
        <comment>gmm1d-means.grid</comment>
        <translation>G：曲面画在 G × G 网格上</translation>
    </message>
    <message>
        <source>the surface&apos;s range: &apos;square&apos; covers both optima (label switching shows), &apos;iterates&apos; is seed 003&apos;s min − 1 to max + 1 per axis</source>
        <comment>gmm1d-means.span</comment>
        <translation>曲面的范围：“正方形”覆盖两个最优点（可见标签交换），“迭代点范围”为讲义 003 的每轴最小值 − 1 到最大值 + 1</translation>
    </message>
    <message>
        <source>lo, hi for both axes (overrides span)</source>
        <comment>gmm1d-means.mu_range</comment>
        <translation>两轴的下限、上限（优先于曲面范围）</translation>
    </message>
    <message>
        <source>compute the log-likelihood surface (the command line may skip it)</source>
        <comment>gmm1d-means.surface</comment>
        <translation>计算对数似然曲面（命令行可以跳过）</translation>
    </message>
    <message>
        <source>yield E and M as separate steps (the window does)</source>
        <comment>gmm1d-means.half_steps</comment>
        <translation>把 E 步和 M 步作为两步给出（窗口如此）</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>coins.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>coins.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>the observed tosses (1 heads, 0 tails); unset: n tosses drawn from truth</source>
        <comment>coins.observations</comment>
        <translation>观测到的投掷（1 正面，0 反面）；不设：按真实参数抽取 n 次</translation>
    </message>
    <message>
        <source>tosses drawn (or counted, with heads) when no observations are given</source>
        <comment>coins.n</comment>
        <translation>未给观测时抽取（或与正面数一起计数）的投掷次数</translation>
    </message>
    <message>
        <source>how many of the n tosses were heads, in place of drawing them (all EM sees of the tosses: seed 003&apos;s table 1 has 367 in 1,000); unset: drawn from truth</source>
        <comment>coins.heads</comment>
        <translation>n 次投掷中正面的次数，代替抽取（EM 只看到这个数：讲义 003 表 1 为 1,000 次中 367 次）；不设：按真实参数抽取</translation>
    </message>
    <message>
        <source>p_A, p_B, p_C that draw the tosses</source>
        <comment>coins.truth</comment>
        <translation>生成投掷的 p_A, p_B, p_C</translation>
    </message>
    <message>
        <source>starting (p_A, p_B, p_C), &apos;a, b, c; a, b, c; ...&apos;, all run together</source>
        <comment>coins.starts</comment>
        <translation>初值 (p_A, p_B, p_C)，&apos;a, b, c; a, b, c; ...&apos;，一起运行</translation>
    </message>
    <message>
        <source>T, EM iterations</source>
        <comment>coins.iterations</comment>
        <translation>T，EM 迭代次数</translation>
    </message>
    <message>
        <source>M random starts whose fixed points are drawn as a cloud (seed 003 appendix A.2); 0 for none</source>
        <comment>coins.cloud</comment>
        <translation>M 个随机初值，其不动点画成点云（讲义 003 附录 A.2）；0 为不画</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>gmm.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>gmm.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>a CSV, NPY or NPZ file of points (up to 64-D), or the Data panel&apos;s recipe (data:{...}); unset: Old Faithful&apos;s 272 eruptions</source>
        <comment>gmm.data</comment>
        <translation>点的 CSV、NPY 或 NPZ 文件（至多 64 维），或数据面板的配方（&apos;data:{...}&apos;）；不设：老忠实泉的 272 次喷发</translation>
    </message>
    <message>
        <source>rescale each column to mean 0 and variance 1 first (as Bishop&apos;s figure 9.8 does with Old Faithful)</source>
        <comment>gmm.standardize</comment>
        <translation>先把每列缩放为均值 0、方差 1（如 Bishop 图 9.8 对老忠实泉所做）</translation>
    </message>
    <message>
        <source>K, the number of Gaussian components</source>
        <comment>gmm.components</comment>
        <translation>K，高斯分量数</translation>
    </message>
    <message>
        <source>full, diag (axis-aligned), spherical (σ²I) or tied (one full covariance shared by all)</source>
        <comment>gmm.covariance</comment>
        <translation>完全、对角（与坐标轴对齐）、球形 (σ²I) 或共享（所有分量共用一个完全协方差）</translation>
    </message>
    <message>
        <source>the start: k-means labels, k-means++ centres, random responsibilities, or given points (start_means; clicks in the window)</source>
        <comment>gmm.init</comment>
        <translation>初始化：k 均值标签、k 均值++ 中心、随机责任，或给定点（初始均值；在窗口中点击）</translation>
    </message>
    <message>
        <source>init = points: the K starting means, &apos;x, y; x, y&apos;; weights start equal and covariances as circles of the data&apos;s variance (Bishop&apos;s figure 9.8)</source>
        <comment>gmm.start_means</comment>
        <translation>初始化为给定点时：K 个初始均值，&apos;x, y; x, y&apos;；权重初始相等，协方差为数据方差的圆（Bishop 图 9.8）</translation>
    </message>
    <message>
        <source>a JSON file with weights, means, covariances shaped as scikit-learn&apos;s (overrides init)</source>
        <comment>gmm.start</comment>
        <translation>一个 JSON 文件，含形状同 scikit-learn 的 &apos;weights&apos;、&apos;means&apos;、&apos;covariances&apos;（优先于初始化）</translation>
    </message>
    <message>
        <source>the most EM iterations (scikit-learn&apos;s max_iter)</source>
        <comment>gmm.iterations</comment>
        <translation>EM 迭代次数上限（scikit-learn 的 &apos;max_iter&apos;）</translation>
    </message>
    <message>
        <source>stop at the first θ_t whose ℓ̄ is within tol of the previous iterate&apos;s, and report that θ_t with its ℓ̄ (iterations = t; scikit-learn, by the same test, returns the θ of one more M step, n_iter_ = t + 1); 0: run all iterations</source>
        <comment>gmm.tol</comment>
        <translation>在第一个 ℓ̄ 与前一迭代之差不超过容差的 θ_t 处停止，并报告该 θ_t 及其 ℓ̄（迭代次数 = t；scikit-learn 用同样的检验，返回再多一次 M 步的 θ，&apos;n_iter_&apos; = t + 1）；0：运行全部迭代</translation>
    </message>
    <message>
        <source>added to every covariance&apos;s diagonal, so that none collapses</source>
        <comment>gmm.reg_covar</comment>
        <translation>加到每个协方差的对角线上，以免坍缩</translation>
    </message>
    <message>
        <source>restarts from different seeds; the best final ℓ̄ is shown</source>
        <comment>gmm.n_init</comment>
        <translation>以不同种子重启；显示最终 ℓ̄ 最好的一次</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>race.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>race.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>the model whose p(x) is estimated</source>
        <comment>race.model</comment>
        <translation>要估计其 p(x) 的模型</translation>
    </message>
    <message>
        <source>D, hidden pixels of the binary model (2^D states enumerated for the exact p(x))</source>
        <comment>race.bits</comment>
        <translation>D，二值模型的隐像素数（精确 p(x) 枚举 2^D 个状态）</translation>
    </message>
    <message>
        <source>K, components of the mixture model</source>
        <comment>race.components</comment>
        <translation>K，混合模型的分量数</translation>
    </message>
    <message>
        <source>q for the importance estimator</source>
        <comment>race.proposal</comment>
        <translation>重要性采样估计所用的 q</translation>
    </message>
    <message>
        <source>mean of the gaussian proposal (one, or one per dimension)</source>
        <comment>race.q_mean</comment>
        <translation>高斯提议分布的均值（一个，或每维一个）</translation>
    </message>
    <message>
        <source>standard deviation of the gaussian proposal (one, or one per dimension)</source>
        <comment>race.q_scale</comment>
        <translation>高斯提议分布的标准差（一个，或每维一个）</translation>
    </message>
    <message>
        <source>vae: the digits test image whose p(x) the VAE gives</source>
        <comment>race.image</comment>
        <translation>VAE 模型：由 VAE 给出其 p(x) 的手写数字测试图像</translation>
    </message>
    <message>
        <source>vae: the VAE&apos;s weights, a file saved by the vae experiment&apos;s save= (digits, latent 2, bernoulli; default: the shipped VAE)</source>
        <comment>race.weights</comment>
        <translation>VAE 模型：VAE 的权重，由 VAE 实验的“保存权重到”保存的文件（手写数字，潜空间 2 维，伯努利；默认：随附的 VAE）</translation>
    </message>
    <message>
        <source>C, independent chains of each estimator</source>
        <comment>race.chains</comment>
        <translation>C，每个估计量的独立链数</translation>
    </message>
    <message>
        <source>k, samples per chain at the end</source>
        <comment>race.samples</comment>
        <translation>k，最终每条链的样本数</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>gradients.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>gradients.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>f: z2 for f(z) = z², elbo for the ELBO of the curve1d model</source>
        <comment>gradients.objective</comment>
        <translation>f：f(z) = z²，或一维曲线模型的 ELBO</translation>
    </message>
    <message>
        <source>mean m of q = N(m, s²)</source>
        <comment>gradients.m</comment>
        <translation>q = N(m, s²) 的均值 m</translation>
    </message>
    <message>
        <source>standard deviation s of q = N(m, s²)</source>
        <comment>gradients.s</comment>
        <translation>q = N(m, s²) 的标准差 s</translation>
    </message>
    <message>
        <source>N, samples drawn (at least 2: the baseline leaves one sample out)</source>
        <comment>gradients.samples</comment>
        <translation>N，抽取的样本数（至少 2：基线留出一个样本）</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>vi-gauss.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>vi-gauss.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>p(z | x): bimodal, skewed or gaussian</source>
        <comment>vi-gauss.posterior</comment>
        <translation>p(z | x)：双峰、偏斜或高斯</translation>
    </message>
    <message>
        <source>the observed x (default: bimodal −1, two equal modes; skewed 3; gaussian 1.5)</source>
        <comment>vi-gauss.x</comment>
        <translation>观测的 x（默认：双峰 −1，两个相等的峰；偏斜 3；高斯 1.5）</translation>
    </message>
    <message>
        <source>q&apos;s mean at the start</source>
        <comment>vi-gauss.m</comment>
        <translation>q 的初始均值</translation>
    </message>
    <message>
        <source>q&apos;s standard deviation at the start</source>
        <comment>vi-gauss.s</comment>
        <translation>q 的初始标准差</translation>
    </message>
    <message>
        <source>exact gradient ascent, or sga: reparameterised samples</source>
        <comment>vi-gauss.method</comment>
        <translation>精确梯度上升，或随机梯度上升：重参数化样本</translation>
    </message>
    <message>
        <source>sga: draws of ε per step</source>
        <comment>vi-gauss.samples</comment>
        <translation>随机梯度上升：每步抽取的 ε 数</translation>
    </message>
    <message>
        <source>the ascent&apos;s step on (m, log s)</source>
        <comment>vi-gauss.step_size</comment>
        <translation>在 (m, log s) 上上升的步长</translation>
    </message>
    <message>
        <source>steps of the ascent</source>
        <comment>vi-gauss.iterations</comment>
        <translation>上升的步数</translation>
    </message>
    <message>
        <source>another q to compare, &apos;m, s&apos; (seed 000&apos;s N(−4, 0.75) beside N(2, 2))</source>
        <comment>vi-gauss.other</comment>
        <translation>用来比较的另一个 q，&apos;m, s&apos;（讲义 000 的 N(−4, 0.75) 与 N(2, 2)）</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>kl-directions.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>kl-directions.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>p(z | x): bimodal, skewed or gaussian</source>
        <comment>kl-directions.posterior</comment>
        <translation>p(z | x)：双峰、偏斜或高斯</translation>
    </message>
    <message>
        <source>the observed x (default as vi-gauss)</source>
        <comment>kl-directions.x</comment>
        <translation>观测的 x（默认同一维高斯变分实验）</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>cavi.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>cavi.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>p(z₁, z₂): a correlated gaussian, or the banana</source>
        <comment>cavi.target</comment>
        <translation>p(z₁, z₂)：相关高斯，或香蕉形</translation>
    </message>
    <message>
        <source>ρ, the gaussian&apos;s correlation (|ρ| &lt; 1)</source>
        <comment>cavi.rho</comment>
        <translation>ρ，高斯的相关系数 (|ρ| &lt; 1)</translation>
    </message>
    <message>
        <source>the target&apos;s mean (μ₁, μ₂)</source>
        <comment>cavi.mean</comment>
        <translation>目标的均值 (μ₁, μ₂)</translation>
    </message>
    <message>
        <source>q&apos;s means at the start (m₁, m₂)</source>
        <comment>cavi.start</comment>
        <translation>q 的初始均值 (m₁, m₂)</translation>
    </message>
    <message>
        <source>full sweeps (two half-steps each)</source>
        <comment>cavi.sweeps</comment>
        <translation>完整轮数（每轮两个半步）</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>variational-learning.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>variational-learning.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>the observed counts xᵢ</source>
        <comment>variational-learning.x</comment>
        <translation>观测的计数 xᵢ</translation>
    </message>
    <message>
        <source>θ at the start</source>
        <comment>variational-learning.theta</comment>
        <translation>θ 的初值</translation>
    </message>
    <message>
        <source>q per count: gaussian N(mᵢ, sᵢ²), or em: the exact posterior</source>
        <comment>variational-learning.method</comment>
        <translation>每个计数的 q：高斯 N(mᵢ, sᵢ²)，或 EM：精确后验</translation>
    </message>
    <message>
        <source>φ then θ, this many times</source>
        <comment>variational-learning.rounds</comment>
        <translation>先 φ 后 θ，重复这么多次</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>interpolate.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>interpolate.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>the images: pole and shadow, or 8×8 digits</source>
        <comment>interpolate.dataset</comment>
        <translation>图像：杆与影，或 8×8 手写数字</translation>
    </message>
    <message>
        <source>pole and shadow: images rendered</source>
        <comment>interpolate.images</comment>
        <translation>杆与影：渲染的图像数</translation>
    </message>
    <message>
        <source>L, the latent size of both models</source>
        <comment>interpolate.latent</comment>
        <translation>L，两个模型的潜空间维数</translation>
    </message>
    <message>
        <source>p(x | z) per pixel, for both models</source>
        <comment>interpolate.likelihood</comment>
        <translation>每个像素的 p(x | z)，两个模型相同</translation>
    </message>
    <message>
        <source>β of the VAE&apos;s KL term (shipped for pole and shadow: 0.1, 1, 4)</source>
        <comment>interpolate.beta</comment>
        <translation>VAE 的 KL 项的 β（杆与影随附 0.1、1、4）</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate</source>
        <comment>interpolate.learning_rate</comment>
        <translation>Adam 的学习率</translation>
    </message>
    <message>
        <source>images per gradient step</source>
        <comment>interpolate.batch</comment>
        <translation>每个梯度步的图像数</translation>
    </message>
    <message>
        <source>passes over the training images (0: the shipped models of this recipe, no training)</source>
        <comment>interpolate.epochs</comment>
        <translation>遍历训练图像的轮数（0：用此配方的随附模型，不训练）</translation>
    </message>
    <message>
        <source>the first end point: a test image&apos;s index (default: seeded)</source>
        <comment>interpolate.a</comment>
        <translation>第一个端点：测试图像的序号（默认：由种子决定）</translation>
    </message>
    <message>
        <source>the second end point (default: seeded: another label, or a light far from a&apos;s)</source>
        <comment>interpolate.b</comment>
        <translation>第二个端点（默认：由种子决定：另一个标签，或离 a 的光源很远的光源）</translation>
    </message>
    <message>
        <source>points on the path, ends included</source>
        <comment>interpolate.points</comment>
        <translation>路径上的点数，含两端</translation>
    </message>
    <message>
        <source>the path between the two codes (mesh: the codes of the true path&apos;s images, pole and shadow only: the reference that follows the manifold)</source>
        <comment>interpolate.path</comment>
        <translation>两个编码之间的路径（流形网格：真实路径上各图像的编码，仅杆与影：沿流形走的参照）</translation>
    </message>
    <message>
        <source>the VAE&apos;s weights (saved by `vae` save=): no training</source>
        <comment>interpolate.vae_file</comment>
        <translation>VAE 的权重（由 VAE 实验保存）：不训练</translation>
    </message>
    <message>
        <source>the autoencoder&apos;s weights: no training</source>
        <comment>interpolate.ae_file</comment>
        <translation>自编码器的权重：不训练</translation>
    </message>
    <message>
        <source>take both models from an earlier run of the same training recipe in this process (the window&apos;s, after training) instead of training again: training is seeded, so the numbers are the same, but the epochs&apos; lines are replayed losses, with no scores</source>
        <comment>interpolate.reuse_trained</comment>
        <translation>从本进程中同一训练配方的先前运行（窗口训练之后的）取两个模型，而不重新训练：训练有种子，数值相同，但各轮的曲线是重放的损失，没有评分</translation>
    </message>
    <message>
        <source>seed of the random number generator; same seed, same output</source>
        <comment>vae.seed</comment>
        <translation>随机数生成器的种子；种子相同，输出相同</translation>
    </message>
    <message>
        <source>torch device: auto (CUDA when present, else CPU), cpu or cuda</source>
        <comment>vae.device</comment>
        <translation>计算设备：自动（有 CUDA 时用 CUDA，否则用 CPU）、CPU 或 CUDA</translation>
    </message>
    <message>
        <source>the images: digits (scikit-learn&apos;s 8×8), poles (pole and shadow), or a file: MNIST or Fashion-MNIST as IDX (raw or .gz, labels read from beside it) or an NPZ (x, labels)</source>
        <comment>vae.dataset</comment>
        <translation>图像：手写数字（scikit-learn 的 8×8）、杆与影，或一个文件：IDX 格式的 MNIST 或 Fashion-MNIST（原始或 &apos;.gz&apos;，标签从旁边的文件读取）或一个 NPZ 文件（数组 &apos;x&apos; 与 &apos;labels&apos;）</translation>
    </message>
    <message>
        <source>a VAE, or a plain autoencoder of the same shape</source>
        <comment>vae.model</comment>
        <translation>VAE，或同样结构的普通自编码器</translation>
    </message>
    <message>
        <source>L, the latent size (scatters of L &gt; 2 show a PCA)</source>
        <comment>vae.latent</comment>
        <translation>L，潜空间维数（L &gt; 2 时散点图显示 PCA）</translation>
    </message>
    <message>
        <source>p(x | z) per pixel: bernoulli (images binarised at 1/2), continuous-bernoulli (grey levels, with its normaliser) or gaussian (one learned σ)</source>
        <comment>vae.likelihood</comment>
        <translation>每个像素的 p(x | z)：伯努利（图像在 1/2 处二值化）、连续伯努利（灰度，带归一化常数）或高斯（学习一个 σ）</translation>
    </message>
    <message>
        <source>β, the weight of the KL term in the training loss</source>
        <comment>vae.beta</comment>
        <translation>β，训练损失中 KL 项的权重</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate</source>
        <comment>vae.learning_rate</comment>
        <translation>Adam 的学习率</translation>
    </message>
    <message>
        <source>images per gradient step (a file with fewer training images: all of them, said)</source>
        <comment>vae.batch</comment>
        <translation>每个梯度步的图像数（文件中训练图像更少时：全部，并说明）</translation>
    </message>
    <message>
        <source>passes over the training images (0: evaluate only)</source>
        <comment>vae.epochs</comment>
        <translation>遍历训练图像的轮数（0：只评估）</translation>
    </message>
    <message>
        <source>pole and shadow: images rendered</source>
        <comment>vae.images</comment>
        <translation>杆与影：渲染的图像数</translation>
    </message>
    <message>
        <source>the largest k of the IWAE ladder at the end</source>
        <comment>vae.iwae_k</comment>
        <translation>最后 IWAE 阶梯的最大 k</translation>
    </message>
    <message>
        <source>the test image whose own fitted q measures the amortisation gap (VAE, at the end)</source>
        <comment>vae.image</comment>
        <translation>用其单独拟合的 q 度量摊销差距的测试图像（VAE，最后）</translation>
    </message>
    <message>
        <source>write the trained weights to this file</source>
        <comment>vae.save</comment>
        <translation>把训练好的权重写入这个文件</translation>
    </message>
    <message>
        <source>start from the weights in this file (saved by save=)</source>
        <comment>vae.load</comment>
        <translation>从这个文件中的权重开始（由“保存权重到”保存）</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>seed-003</source>
        <translation>讲义 003</translation>
    </message>
    <message>
        <source>gmm2d</source>
        <translation>二维高斯混合</translation>
    </message>
    <message>
        <source>li-hang</source>
        <translation>李航的例子</translation>
    </message>
    <message>
        <source>seed-003-coins</source>
        <translation>讲义 003 三硬币</translation>
    </message>
    <message>
        <source>faithful</source>
        <translation>老忠实泉</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>poles</source>
        <translation>杆与影</translation>
    </message>
    <message>
        <source>seed-003-table</source>
        <translation>讲义 003 表 1</translation>
    </message>
    <message>
        <source>faithful-k2</source>
        <translation>老忠实泉，K = 2</translation>
    </message>
    <message>
        <source>faithful-k3-diag</source>
        <translation>老忠实泉，K = 3，对角</translation>
    </message>
    <message>
        <source>seed-000-binary</source>
        <translation>讲义 000 二值模型</translation>
    </message>
    <message>
        <source>mixture</source>
        <translation>混合模型</translation>
    </message>
    <message>
        <source>curve1d</source>
        <translation>一维曲线模型</translation>
    </message>
    <message>
        <source>curve2d</source>
        <translation>二维曲线模型</translation>
    </message>
    <message>
        <source>vae</source>
        <translation>VAE</translation>
    </message>
    <message>
        <source>z2</source>
        <translation>f(z) = z²</translation>
    </message>
    <message>
        <source>elbo</source>
        <translation>ELBO</translation>
    </message>
    <message>
        <source>bimodal</source>
        <translation>双峰后验</translation>
    </message>
    <message>
        <source>skewed</source>
        <translation>偏斜后验</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>高斯后验</translation>
    </message>
    <message>
        <source>seed-000</source>
        <translation>讲义 000</translation>
    </message>
    <message>
        <source>seed-000-other</source>
        <translation>讲义 000，另一个 q</translation>
    </message>
    <message>
        <source>sga</source>
        <translation>随机梯度上升</translation>
    </message>
    <message>
        <source>kl-bimodal</source>
        <translation>双峰后验的 KL</translation>
    </message>
    <message>
        <source>kl-skewed</source>
        <translation>偏斜后验的 KL</translation>
    </message>
    <message>
        <source>rho-0.8</source>
        <translation>ρ = 0.8</translation>
    </message>
    <message>
        <source>rho-0.95</source>
        <translation>ρ = 0.95</translation>
    </message>
    <message>
        <source>independent</source>
        <translation>独立</translation>
    </message>
    <message>
        <source>banana</source>
        <translation>香蕉形</translation>
    </message>
    <message>
        <source>gaussian-q</source>
        <translation>高斯 q</translation>
    </message>
    <message>
        <source>em</source>
        <translation>EM</translation>
    </message>
    <message>
        <source>pole-and-shadow</source>
        <translation>杆与影（讲义 003）</translation>
    </message>
    <message>
        <source>poles-beta-0.1</source>
        <translation>杆与影，β = 0.1</translation>
    </message>
    <message>
        <source>poles-beta-4</source>
        <translation>杆与影，β = 4</translation>
    </message>
    <message>
        <source>digits-shipped</source>
        <translation>手写数字（随附模型）</translation>
    </message>
    <message>
        <source>digits-vae</source>
        <translation>手写数字 VAE</translation>
    </message>
    <message>
        <source>digits-ae</source>
        <translation>手写数字 AE</translation>
    </message>
    <message>
        <source>poles-vae</source>
        <translation>杆与影 VAE</translation>
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
    <name>Type</name>
    <message>
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>str</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>list of float</source>
        <translation>实数列表</translation>
    </message>
    <message>
        <source>float</source>
        <translation>实数</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>真假值</translation>
    </message>
    <message>
        <source>list of int</source>
        <translation>整数列表</translation>
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
