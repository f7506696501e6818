<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BoundPlot</name>
    <message>
        <source>log p(x; θ), per point</source>
        <translation>log p(x; θ)，每个点</translation>
    </message>
    <message>
        <source>KL gap: closed (under 10⁻⁴)</source>
        <translation>KL 差距：已闭合（小于 10⁻⁴）</translation>
    </message>
    <message>
        <source>KL(q ‖ p(z | x, θ)) gap</source>
        <translation>KL(q ‖ p(z | x, θ)) 差距</translation>
    </message>
    <message>
        <source>ℓ went DOWN (must never happen)</source>
        <translation>ℓ 下降了（绝不应发生）</translation>
    </message>
</context>
<context>
    <name>CAVIView</name>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>Left: p(z₁, z₂)&apos;s 1σ and 2σ contours (black) and q₁(z₁) q₂(z₂)&apos;s (orange), with the path of q&apos;s means: each sweep updates q₁ with q₂ held (a move along z₁), then q₂ (along z₂). On the correlated gaussian the factors&apos; variance is 1 − ρ², not the marginals&apos; 1: mean field is overconfident, and KL(q ‖ p) ends at −½ log(1 − ρ²). Right: the means&apos; error, shrinking by ρ² a sweep, and the KL falling to its optimum. The banana is not gaussian: its factors are found on a grid, and no choice of them is exact.</source>
        <translation>左：p(z₁, z₂) 的 1σ 与 2σ 等高线（黑）和 q₁(z₁) q₂(z₂) 的等高线（橙），以及 q 的均值走过的路径：每一轮先固定 q₂ 更新 q₁（沿 z₁ 移动），再更新 q₂（沿 z₂）。在相关高斯上，各因子的方差是 1 − ρ²，而不是边缘分布的 1：平均场过于自信，KL(q ‖ p) 停在 −½ log(1 − ρ²)。右：均值的误差每轮缩小为 ρ² 倍，KL 下降到它的最优值。香蕉形不是高斯：它的因子在网格上求得，没有哪一种选择是精确的。</translation>
    </message>
    <message>
        <source>Correlation ρ</source>
        <translation>相关系数 ρ</translation>
    </message>
    <message>
        <source>p and q₁q₂</source>
        <translation>p 与 q₁q₂</translation>
    </message>
    <message>
        <source>sweep</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>the means&apos; error</source>
        <translation>均值的误差</translation>
    </message>
    <message>
        <source>q&apos;s means, a half-step per coordinate</source>
        <translation>q 的均值，每个坐标半步</translation>
    </message>
    <message>
        <source>after each sweep</source>
        <translation>每轮之后</translation>
    </message>
    <message>
        <source>sweep {step} of {sweeps}</source>
        <translation>第 {step} 轮，共 {sweeps} 轮</translation>
    </message>
    <message>
        <source>variances ({v1:.4f}, {v2:.4f})</source>
        <translation>方差 ({v1:.4f}, {v2:.4f})</translation>
    </message>
    <message>
        <source>1 − ρ² = {variance:.4f} against the marginals&apos; 1; optimum KL −½ log(1 − ρ²) = {kl:.6f}</source>
        <translation>1 − ρ² = {variance:.4f}，而边缘方差为 1；最优 KL −½ log(1 − ρ²) = {kl:.6f}</translation>
    </message>
    <message>
        <source>KL not finite</source>
        <translation>KL 不是有限值</translation>
    </message>
</context>
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
    <name>CoinsView</name>
    <message>
        <source>Mean log-likelihood per toss, by start and iteration (seed 003&apos;s table 1)</source>
        <translation>每次投掷的平均对数似然，按初值和迭代（讲义 003 的表 1）</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>parameters per start</source>
        <translation>每个初值的参数</translation>
    </message>
    <message>
        <source>fixed points lie on the ridge u + v = ô</source>
        <translation>不动点落在山脊 u + v = ô 上</translation>
    </message>
    <message>
        <source>u = p_A p_B  (heads via coin B)</source>
        <translation>u = p_A p_B  （经硬币 B 的正面）</translation>
    </message>
    <message>
        <source>iteration t</source>
        <translation>迭代 t</translation>
    </message>
    <message>
        <source>per-toss value</source>
        <translation>每次投掷的值</translation>
    </message>
    <message>
        <source>table and ridge</source>
        <translation>表与山脊</translation>
    </message>
    <message>
        <source>the Data panel holds points, not coin tosses</source>
        <translation>数据面板中是点，不是硬币投掷</translation>
    </message>
    <message>
        <source>{tosses:,} tosses; at most {most:,} are passed to the coins model</source>
        <translation>{tosses:,} 次投掷；至多 {most:,} 次交给三硬币模型</translation>
    </message>
    <message>
        <source>log p(x) = ELBO + KL, start ({a:.2f}, {b:.2f}, {c:.2f})</source>
        <translation>log p(x) = ELBO + KL，初值 ({a:.2f}, {b:.2f}, {c:.2f})</translation>
    </message>
    <message>
        <source>Iter {t}</source>
        <translation>迭代 {t}</translation>
    </message>
    <message>
        <source>max ℓ̄ (ô = {o:.3f})</source>
        <translation>ℓ̄ 最大值 (ô = {o:.3f})</translation>
    </message>
    <message>
        <source>ô log ô + (1 − ô) log(1 − ô), the largest mean log-likelihood, with ô the fraction of heads</source>
        <translation>ô log ô + (1 − ô) log(1 − ô)，平均对数似然的最大值，ô 为正面的比例</translation>
    </message>
    <message>
        <source>ridge, ô = {o:.4f}</source>
        <translation>山脊，ô = {o:.4f}</translation>
    </message>
    <message>
        <source>{total:,} random starts ({drawn:,} drawn)</source>
        <translation>{total:,} 个随机初值（画出 {drawn:,} 个）</translation>
    </message>
    <message>
        <source>{total:,} random starts</source>
        <translation>{total:,} 个随机初值</translation>
    </message>
    <message>
        <source>iteration {t} · ô = {o:.6g} ({heads} heads of {n}) · max ℓ̄ = ô log ô + (1 − ô) log(1 − ô) = {best:.6g} · largest gap to it {spread:.2g} · largest distance from the ridge {ridge:.2g}</source>
        <translation>迭代 {t} · ô = {o:.6g}（{n} 次中 {heads} 次正面）· ℓ̄ 最大值 = ô log ô + (1 − ô) log(1 − ô) = {best:.6g} · 与它的最大差距 {spread:.2g} · 离山脊的最大距离 {ridge:.2g}</translation>
    </message>
    <message>
        <source>KL after the M step ≤ {kl:.2g}</source>
        <translation>M 步之后的 KL ≤ {kl:.2g}</translation>
    </message>
    <message>
        <source>ℓ DECREASED: a bug</source>
        <translation>ℓ 下降了：这是缺陷</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Three coins&lt;/b&gt;: only the second toss is seen, and ℓ̄ depends on (p&lt;sub&gt;A&lt;/sub&gt;, p&lt;sub&gt;B&lt;/sub&gt;, p&lt;sub&gt;C&lt;/sub&gt;) only through P(heads) = p&lt;sub&gt;A&lt;/sub&gt;p&lt;sub&gt;B&lt;/sub&gt; + (1 − p&lt;sub&gt;A&lt;/sub&gt;)p&lt;sub&gt;C&lt;/sub&gt;. Its maximum, ô log ô + (1 − ô) log(1 − ô) with ô the fraction of heads, is reached on a whole surface of θ (the ridge): the model is not identifiable.&lt;/p&gt;&lt;p&gt;One EM step already sets P(heads) = ô from any start (seed 003 §2.4), so every row of the table reaches the maximum at iteration 1, yet the starts end at different θ. In the projection (p&lt;sub&gt;A&lt;/sub&gt;p&lt;sub&gt;B&lt;/sub&gt;, (1 − p&lt;sub&gt;A&lt;/sub&gt;)p&lt;sub&gt;C&lt;/sub&gt;) the ridge is the line u + v = ô; hollow circles are starts, filled ones where EM stopped, and the cloud of random starts collapses onto the line after one iteration.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;三硬币&lt;/b&gt;：只能看到第二次投掷，ℓ̄ 只通过 P(正面) = p&lt;sub&gt;A&lt;/sub&gt;p&lt;sub&gt;B&lt;/sub&gt; + (1 − p&lt;sub&gt;A&lt;/sub&gt;)p&lt;sub&gt;C&lt;/sub&gt; 依赖于 (p&lt;sub&gt;A&lt;/sub&gt;, p&lt;sub&gt;B&lt;/sub&gt;, p&lt;sub&gt;C&lt;/sub&gt;)。它的最大值 ô log ô + (1 − ô) log(1 − ô)（ô 为正面的比例）在 θ 的一整个曲面（山脊）上取得：模型不可辨识。&lt;/p&gt;&lt;p&gt;从任何初值出发，一步 EM 就使 P(正面) = ô（讲义 003 §2.4），所以表中每一行在迭代 1 就达到最大值，而各初值停在不同的 θ。在投影 (p&lt;sub&gt;A&lt;/sub&gt;p&lt;sub&gt;B&lt;/sub&gt;, (1 − p&lt;sub&gt;A&lt;/sub&gt;)p&lt;sub&gt;C&lt;/sub&gt;) 中，山脊是直线 u + v = ô；空心圆是初值，实心圆是 EM 停下的位置，随机初值的点云在一次迭代后落到这条直线上。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>the Data panel holds coin tosses; this model needs points</source>
        <translation>数据面板中是硬币投掷；这个模型需要点</translation>
    </message>
    <message>
        <source>the Data panel&apos;s data set has no recipe or file to name it by</source>
        <translation>数据面板的数据集没有可以指明它的配方或文件</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>Old Faithful</source>
        <translation>老忠实泉</translation>
    </message>
    <message>
        <source>eruption duration (min)</source>
        <translation>喷发时长（分钟）</translation>
    </message>
    <message>
        <source>waiting time (min)</source>
        <translation>等待时间（分钟）</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>three coins</source>
        <translation>三硬币</translation>
    </message>
    <message>
        <source>given coin tosses</source>
        <translation>给定的硬币投掷</translation>
    </message>
    <message>
        <source>{what}: {shown:,} of {n:,} tosses</source>
        <translation>{what}：{n:,} 次投掷中的 {shown:,} 次</translation>
    </message>
    <message>
        <source>{d}-D Gaussian mixture, K = {k}</source>
        <translation>{d} 维高斯混合，K = {k}</translation>
    </message>
    <message>
        <source>{shown:,} of {n:,} points (first {drawn:,} drawn)</source>
        <translation>{n:,} 个点中的 {shown:,} 个（画出前 {drawn:,} 个）</translation>
    </message>
    <message>
        <source>{shown:,} of {n:,} points</source>
        <translation>{n:,} 个点中的 {shown:,} 个</translation>
    </message>
    <message>
        <source>{what}: {shown}</source>
        <translation>{what}：{shown}</translation>
    </message>
    <message>
        <source>step {step}/{steps}</source>
        <translation>第 {step}/{steps} 步</translation>
    </message>
    <message>
        <source>n = {shown:,} of {n:,}</source>
        <translation>n = {shown:,} / {n:,}</translation>
    </message>
    <message>
        <source>heads fraction {fraction:.6g}</source>
        <translation>正面比例 {fraction:.6g}</translation>
    </message>
    <message>
        <source>P(heads) = p_A p_B + (1 − p_A) p_C = {p:.6g} (± {se:.2g} at 1 s.e.)</source>
        <translation>P(正面) = p_A p_B + (1 − p_A) p_C = {p:.6g}（1 个标准误为 ± {se:.2g}）</translation>
    </message>
    <message>
        <source>π̂ = {estimate} vs π = {truth}</source>
        <translation>π̂ = {estimate}，对照 π = {truth}</translation>
    </message>
    <message>
        <source>μ̂ = {estimate} vs μ = {truth}</source>
        <translation>μ̂ = {estimate}，对照 μ = {truth}</translation>
    </message>
    <message>
        <source>mean {mean}</source>
        <translation>均值 {mean}</translation>
    </message>
    <message>
        <source>covariance {covariance}</source>
        <translation>协方差 {covariance}</translation>
    </message>
    <message>
        <source>&lt;p&gt;A &lt;b&gt;Gaussian mixture&lt;/b&gt; is the simplest latent variable model: each point first draws its component z ~ Cat(π), then x | z ~ N(μ&lt;sub&gt;z&lt;/sub&gt;, Σ&lt;sub&gt;z&lt;/sub&gt;), so p(x) = Σ&lt;sub&gt;k&lt;/sub&gt; π&lt;sub&gt;k&lt;/sub&gt; N(x; μ&lt;sub&gt;k&lt;/sub&gt;, Σ&lt;sub&gt;k&lt;/sub&gt;).&lt;/p&gt;&lt;p&gt;The sample is revealed batch by batch; its statistics in the status line (π̂, μ̂) approach π and μ with error shrinking like 1/√n.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;高斯混合&lt;/b&gt;是最简单的隐变量模型：每个点先抽取它的分量 z ~ Cat(π)，再抽取 x | z ~ N(μ&lt;sub&gt;z&lt;/sub&gt;, Σ&lt;sub&gt;z&lt;/sub&gt;)，所以 p(x) = Σ&lt;sub&gt;k&lt;/sub&gt; π&lt;sub&gt;k&lt;/sub&gt; N(x; μ&lt;sub&gt;k&lt;/sub&gt;, Σ&lt;sub&gt;k&lt;/sub&gt;)。&lt;/p&gt;&lt;p&gt;样本一批一批地显示；状态栏中的样本统计量 (π̂, μ̂) 趋近 π 和 μ，误差按 1/√n 缩小。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Bars: the histogram of the points shown, as a density; ticks on the axis: the points themselves. Black: the true p(x); dashed: each π&lt;sub&gt;k&lt;/sub&gt; N(x; μ&lt;sub&gt;k&lt;/sub&gt;, σ&lt;sub&gt;k&lt;/sub&gt;²), which add up to it. EM will have to recover them from the points alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;柱：已显示的点的直方图（按密度）；轴上的短线：点本身。黑线：真实的 p(x)；虚线：各个 π&lt;sub&gt;k&lt;/sub&gt; N(x; μ&lt;sub&gt;k&lt;/sub&gt;, σ&lt;sub&gt;k&lt;/sub&gt;²)，它们相加得到 p(x)。EM 只能从这些点中把它们找回来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Points coloured by their true component z (hidden from EM). Solid: the 1σ ellipse of each component, {x : (x − μ)ᵀΣ⁻¹(x − μ) = 1}; dashed: 2σ. Drag a target μ to move that mean and draw the data again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;点按其真实分量 z 着色（EM 看不到 z）。实线：每个分量的 1σ 椭圆 {x : (x − μ)ᵀΣ⁻¹(x − μ) = 1}；虚线：2σ。拖动靶心 μ 可移动该均值并重新抽取数据。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Three coins&lt;/b&gt; (Li Hang; seed 003): toss A (heads with p&lt;sub&gt;A&lt;/sub&gt;); on heads toss B, on tails toss C, and record only the second toss. So P(heads) = p&lt;sub&gt;A&lt;/sub&gt;p&lt;sub&gt;B&lt;/sub&gt; + (1 − p&lt;sub&gt;A&lt;/sub&gt;)p&lt;sub&gt;C&lt;/sub&gt;.&lt;/p&gt;&lt;p&gt;The bars split each outcome by the hidden coin that produced it (blue B, orange C), which EM never sees; black marks the expected count n·P(outcome). Only the total of each bar is data, which is why many (p&lt;sub&gt;A&lt;/sub&gt;, p&lt;sub&gt;B&lt;/sub&gt;, p&lt;sub&gt;C&lt;/sub&gt;) explain it equally well.&lt;/p&gt;&lt;p&gt;Given tosses (Li Hang&apos;s ten) come without hidden coins or true probabilities: the bars are the totals alone. Clear &lt;i&gt;observations&lt;/i&gt; to draw n tosses instead.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;三硬币&lt;/b&gt;（李航；讲义 003）：掷硬币 A（正面概率 p&lt;sub&gt;A&lt;/sub&gt;）；正面则掷 B，反面则掷 C，只记录第二次投掷。所以 P(正面) = p&lt;sub&gt;A&lt;/sub&gt;p&lt;sub&gt;B&lt;/sub&gt; + (1 − p&lt;sub&gt;A&lt;/sub&gt;)p&lt;sub&gt;C&lt;/sub&gt;。&lt;/p&gt;&lt;p&gt;柱按产生结果的隐藏硬币分开（蓝为 B，橙为 C），EM 看不到这一点；黑色标记期望次数 n·P(结果)。只有每根柱的总数是数据，因此许多 (p&lt;sub&gt;A&lt;/sub&gt;, p&lt;sub&gt;B&lt;/sub&gt;, p&lt;sub&gt;C&lt;/sub&gt;) 都同样好地解释它。&lt;/p&gt;&lt;p&gt;给定的投掷（李航的十次）没有隐藏硬币，也没有真实概率：柱只是总数。清空&lt;i&gt;观测&lt;/i&gt;即可改为抽取 n 次投掷。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Old Faithful&lt;/b&gt;: 272 eruptions of the Yellowstone geyser, the duration of each against the wait for the next (R&apos;s &lt;i&gt;faithful&lt;/i&gt;). Two clusters, short and long eruptions, with no labels: a classic first data set for a 2-component mixture.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;老忠实泉&lt;/b&gt;：黄石公园这座间歇泉的 272 次喷发，每次的时长对下一次的等待时间（R 的 &lt;i&gt;&apos;faithful&apos;&lt;/i&gt;）。两簇，短喷发与长喷发，没有标签：两分量混合的经典入门数据集。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your data from a file: 1-D data as a histogram, 2-D as a scatter coloured by a label column z when the file has one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;来自文件的数据：一维数据画成直方图，二维画成散点图；文件有标签列 z 时按它着色。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>density p(x)</source>
        <translation>密度 p(x)</translation>
    </message>
    <message>
        <source>outcome of the second toss</source>
        <translation>第二次投掷的结果</translation>
    </message>
    <message>
        <source>count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>histogram of {n:,} points</source>
        <translation>{n:,} 个点的直方图</translation>
    </message>
    <message>
        <source>the points</source>
        <translation>这些点</translation>
    </message>
    <message>
        <source>true density p(x)</source>
        <translation>真实密度 p(x)</translation>
    </message>
    <message>
        <source>{n:,} points</source>
        <translation>{n:,} 个点</translation>
    </message>
    <message>
        <source>1σ ellipse</source>
        <translation>1σ 椭圆</translation>
    </message>
    <message>
        <source>2σ ellipse</source>
        <translation>2σ 椭圆</translation>
    </message>
    <message>
        <source>mean μ{sub} of component {k}: drag to move it</source>
        <translation>分量 {k} 的均值 μ{sub}：拖动以移动它</translation>
    </message>
    <message>
        <source>second toss by coin B (A heads, hidden)</source>
        <translation>第二次由硬币 B 投出（A 正面，隐藏）</translation>
    </message>
    <message>
        <source>second toss by coin C (A tails, hidden)</source>
        <translation>第二次由硬币 C 投出（A 反面，隐藏）</translation>
    </message>
    <message>
        <source>observed outcomes</source>
        <translation>观测到的结果</translation>
    </message>
    <message>
        <source>expected n·P(outcome)</source>
        <translation>期望 n·P(结果)</translation>
    </message>
    <message>
        <source>tails (0)</source>
        <translation>反面 (0)</translation>
    </message>
    <message>
        <source>heads (1)</source>
        <translation>正面 (1)</translation>
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
    <name>Files</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>every plot on show</source>
        <translation>当前显示的全部图</translation>
    </message>
    <message>
        <source>page: {name}</source>
        <translation>页面：{name}</translation>
    </message>
    <message>
        <source>plot: {name}</source>
        <translation>图：{name}</translation>
    </message>
    <message>
        <source>A PNG&apos;s width, or an animation&apos;s: fonts and lines keep their proportions at any width. SVG and PDF are vector, at the size shown.</source>
        <translation>PNG 或动画的宽度：字体和线条在任何宽度下保持比例。SVG 与 PDF 是矢量图，按显示的大小导出。</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.toml)</source>
        <translation>课程 (*.toml)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG, vector (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF, vector (*.pdf)</source>
        <translation>PDF 矢量图 (*.pdf)</translation>
    </message>
    <message>
        <source>GIF animation of the run (*.gif)</source>
        <translation>运行过程的 GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 video of the run (*.mp4)</source>
        <translation>运行过程的 MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>CSV, a table&apos;s numbers (*.csv)</source>
        <translation>CSV，表格中的数值 (*.csv)</translation>
    </message>
    <message>
        <source>LaTeX tabular, a table&apos;s numbers (*.tex)</source>
        <translation>LaTeX 表格，表格中的数值 (*.tex)</translation>
    </message>
    <message>
        <source>Open data</source>
        <translation>打开数据</translation>
    </message>
    <message>
        <source>Data (*.csv *.txt *.tsv *.npz *.npy);;All files (*)</source>
        <translation>数据 (*.csv *.txt *.tsv *.npz *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>no data to save yet</source>
        <translation>还没有可保存的数据</translation>
    </message>
    <message>
        <source>Save data</source>
        <translation>保存数据</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy 归档 (*.npz)</translation>
    </message>
    <message>
        <source>saved {n:,} points to {path}</source>
        <translation>已把 {n:,} 个点保存到 {path}</translation>
    </message>
    <message>
        <source>no trained model to save here: the VAE panel&apos;s models can be saved once a run has ended</source>
        <translation>这里没有可保存的已训练模型：VAE 面板的模型在运行结束后才能保存</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Save the {model}&apos;s weights</source>
        <translation>保存{model}的权重</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt);;All files (*)</source>
        <translation>权重 (*.safetensors *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>autoencoder</source>
        <translation>自编码器</translation>
    </message>
    <message>
        <source>no trained {model} to save</source>
        <translation>没有可保存的已训练{model}</translation>
    </message>
    <message>
        <source>the {model}&apos;s weights are saved to {path}</source>
        <translation>{model}的权重已保存到 {path}</translation>
    </message>
    <message>
        <source>saved the {model}&apos;s weights to {path}</source>
        <translation>已把{model}的权重保存到 {path}</translation>
    </message>
    <message>
        <source>exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>About LVM Lab</source>
        <translation>关于 LVM Lab</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;LVM Lab&lt;/b&gt;: watch latent variable models learn.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;LVM Lab&lt;/b&gt;：看隐变量模型如何学习。&lt;/p&gt;</translation>
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
    <name>GaussView</name>
    <message>
        <source>Left: the posterior p(z | x) (black) and q = N(m, s²) (orange); drag q&apos;s peak sideways to move m, up or down to change s. Right: the ELBO over (m, log s), its maximiser (star), the ascent&apos;s path (orange) and, with method = sga (reparameterised gradients), the exact gradient ascent from the same start (blue, dashed); click to put q there. Below: log p(x) = ELBO + KL(q ‖ p) as bars: the ELBO&apos;s bar, with the KL (light blue) stacked on it, ends where log p(x)&apos;s does (the numbers, exact to many digits, in the status line); and the ELBO step by step (with no steps to take, iterations = 0, the ELBO along s at q&apos;s m). Where q is the exact posterior (the gaussian posterior) the KL is 0 and the gap closes. Gaussians are written N(mean, variance), as seed 000 writes them: q = N(m, s²), s its standard deviation.</source>
        <translation>左：后验 p(z | x)（黑）和 q = N(m, s²)（橙）；左右拖动 q 的峰移动 m，上下拖动改变 s。右：(m, log s) 上的 ELBO、它的最大点（星）、上升的路径（橙），以及方法为随机梯度上升（重参数化梯度）时从同一初值出发的精确梯度上升（蓝，虚线）；点击可把 q 放到那里。下：把 log p(x) = ELBO + KL(q ‖ p) 画成柱：ELBO 的柱上叠加 KL（浅蓝），正好到 log p(x) 的柱顶（精确到多位的数值在状态栏中）；以及逐步的 ELBO（没有步可走，即迭代次数 = 0 时，画 q 的 m 处沿 s 的 ELBO）。q 为精确后验（高斯后验）时 KL 为 0，差距闭合。高斯写作 N(均值, 方差)，与讲义 000 一致：q = N(m, s²)，s 是它的标准差。</translation>
    </message>
    <message>
        <source>p(z | x) and q</source>
        <translation>p(z | x) 与 q</translation>
    </message>
    <message>
        <source>q = N(m, s²) as seed 000 writes a gaussian, N(mean, variance): the app&apos;s parameter s is q&apos;s standard deviation, its variance s². Drag q&apos;s peak to move it.</source>
        <translation>q = N(m, s²)，按讲义 000 的写法 N(均值, 方差)：本程序的参数 s 是 q 的标准差，方差为 s²。拖动 q 的峰来移动它。</translation>
    </message>
    <message>
        <source>ELBO over (m, log s)</source>
        <translation>(m, log s) 上的 ELBO</translation>
    </message>
    <message>
        <source>log p(x) = ELBO + KL (light blue)</source>
        <translation>log p(x) = ELBO + KL（浅蓝）</translation>
    </message>
    <message>
        <source>ELBO per step</source>
        <translation>每步的 ELBO</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>p(z | x): mean {mean:.4f}, sd {sd:.4f}</source>
        <translation>p(z | x)：均值 {mean:.4f}，标准差 {sd:.4f}</translation>
    </message>
    <message>
        <source>other q = N({m:g}, {variance:.3g})</source>
        <translation>另一个 q = N({m:g}, {variance:.3g})</translation>
    </message>
    <message>
        <source>sga ascent</source>
        <translation>随机梯度上升</translation>
    </message>
    <message>
        <source>exact gradient ascent</source>
        <translation>精确梯度上升</translation>
    </message>
    <message>
        <source>q now</source>
        <translation>当前的 q</translation>
    </message>
    <message>
        <source>maximiser: ELBO {elbo:.4f}</source>
        <translation>最大点：ELBO {elbo:.4f}</translation>
    </message>
    <message>
        <source>other q: ELBO + KL</source>
        <translation>另一个 q：ELBO + KL</translation>
    </message>
    <message>
        <source>ELBO along s at q&apos;s m</source>
        <translation>q 的 m 处沿 s 的 ELBO</translation>
    </message>
    <message>
        <source>step {step} of {steps}</source>
        <translation>第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>other q: ELBO {elbo:.6f}, KL {kl:.6f}</source>
        <translation>另一个 q：ELBO {elbo:.6f}，KL {kl:.6f}</translation>
    </message>
    <message>
        <source>stopped at {why}</source>
        <translation>停在 {why}</translation>
    </message>
</context>
<context>
    <name>GradientsView</name>
    <message>
        <source>samples n</source>
        <translation>样本数 n</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>方差</translation>
    </message>
    <message>
        <source>variance of ∂/∂m per sample</source>
        <translation>每个样本的 ∂/∂m 的方差</translation>
    </message>
    <message>
        <source>running mean of ∂/∂m</source>
        <translation>∂/∂m 的累计平均</translation>
    </message>
    <message>
        <source>variance of ∂/∂log s per sample</source>
        <translation>每个样本的 ∂/∂log s 的方差</translation>
    </message>
    <message>
        <source>running mean of ∂/∂log s</source>
        <translation>∂/∂log s 的累计平均</translation>
    </message>
    <message>
        <source>exact {formula} = {value:.4g}</source>
        <translation>精确值 {formula} = {value:.4g}</translation>
    </message>
    <message>
        <source>exact {value:.6g}</source>
        <translation>精确值 {value:.6g}</translation>
    </message>
    <message>
        <source>n = {n:,} · exact ∂/∂m = {exact:.6g} · variances: score {score:.4g}, baseline {baseline:.4g}, reparameterisation {reparam:.4g}{ratios} · exact ∂/∂log s = {exact_log_s:.6g} · seed {seed}</source>
        <translation>n = {n:,} · 精确 ∂/∂m = {exact:.6g} · 方差：分数函数 {score:.4g}，基线 {baseline:.4g}，重参数化 {reparam:.4g}{ratios} · 精确 ∂/∂log s = {exact_log_s:.6g} · 种子 {seed}</translation>
    </message>
    <message>
        <source> (score {score:.3g}×, baseline {baseline:.3g}× reparameterisation)</source>
        <translation>（分数函数为重参数化的 {score:.3g} 倍，基线为 {baseline:.3g} 倍）</translation>
    </message>
    <message>
        <source>score</source>
        <translation>分数函数</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>reparam</source>
        <translation>重参数化</translation>
    </message>
    <message>
        <source>&lt;p&gt;∂/∂m of E&lt;sub&gt;q&lt;/sub&gt;[f(z)] for q = N(m, s²) from one sample z = m + sε: &lt;b&gt;score function&lt;/b&gt; f(z)(z − m)/s², the same with a &lt;b&gt;baseline&lt;/b&gt; b subtracted from f (here the mean of f over the other samples, which keeps it unbiased), and &lt;b&gt;reparameterisation&lt;/b&gt; f′(m + sε). All three are unbiased; their variances are not alike. For f = z²: 4s² for reparameterisation, m⁴/s² + 14m² + 15s² for the score function, 7.5 times as much at m = s = 1. The status line gives the measured ratios.&lt;/p&gt;</source>
        <translation>&lt;p&gt;对 q = N(m, s²)，由一个样本 z = m + sε 估计 E&lt;sub&gt;q&lt;/sub&gt;[f(z)] 的 ∂/∂m：&lt;b&gt;分数函数&lt;/b&gt; f(z)(z − m)/s²；同样的估计从 f 中减去&lt;b&gt;基线&lt;/b&gt; b（这里取其他样本上 f 的平均，因而仍然无偏）；以及&lt;b&gt;重参数化&lt;/b&gt; f′(m + sε)。三者都是无偏估计，方差却不同。对 f = z²：重参数化为 4s²，分数函数为 m⁴/s² + 14m² + 15s²，在 m = s = 1 时是前者的 7.5 倍。状态栏给出实测的比值。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImagesView</name>
    <message>
        <source>The images the VAE panel learns from. Left: a row of images per label (digits, MNIST), or for pole and shadow the image nearest each point of a regular grid over the light&apos;s elevation θ (down) and azimuth φ (across): its true 2-D manifold. Right: the images per label, or every image&apos;s (θ, φ); the test images, held out by the seed, in orange.</source>
        <translation>VAE 面板学习所用的图像。左：每个标签一行图像（手写数字、MNIST），或者对杆与影，在光源仰角 θ（向下）和方位角 φ（向右）的规则网格上，取离每个网格点最近的图像：它真实的二维流形。右：每个标签的图像数，或每张图像的 (θ, φ)；由种子留出的测试图像为橙色。</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>images per label</source>
        <translation>每个标签的图像数</translation>
    </message>
    <message>
        <source>the nearest image to each (θ, φ) of a grid</source>
        <translation>离网格上每个 (θ, φ) 最近的图像</translation>
    </message>
    <message>
        <source>{n} images of each label</source>
        <translation>每个标签 {n} 张图像</translation>
    </message>
    <message>
        <source>the first {n} images</source>
        <translation>前 {n} 张图像</translation>
    </message>
    <message>
        <source>images per label ({n:,} in all)</source>
        <translation>每个标签的图像数（共 {n:,} 张）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>{factor} (degrees)</source>
        <translation>{factor}（度）</translation>
    </message>
    <message>
        <source>the light of every image</source>
        <translation>每张图像的光源</translation>
    </message>
    <message>
        <source>no labels or factors in this file</source>
        <translation>这个文件中没有标签或因子</translation>
    </message>
    <message>
        <source>{n:,} images of {height}×{width} pixels</source>
        <translation>{n:,} 张 {height}×{width} 像素的图像</translation>
    </message>
    <message>
        <source>train {train:,}, test {test:,} (seed {seed}&apos;s split)</source>
        <translation>训练 {train:,}，测试 {test:,}（种子 {seed} 的划分）</translation>
    </message>
    <message>
        <source>mean pixel {level:.3f}</source>
        <translation>平均像素值 {level:.3f}</translation>
    </message>
    <message>
        <source>{n} labels</source>
        <translation>{n} 个标签</translation>
    </message>
    <message>
        <source>{factor} {low:.0f}° to {high:.0f}°</source>
        <translation>{factor} {low:.0f}° 到 {high:.0f}°</translation>
    </message>
</context>
<context>
    <name>InterpolateView</name>
    <message>
        <source>Seed 003 §3: does a straight line between two codes stay on the data? A VAE and a plain autoencoder of the same shape (the presets with no epochs: the models shipped in assets/, trained before from seed 0). Interpolation: each model&apos;s test codes (PCA for L &gt; 2) with its path from test image a to b; click a code to make it a, shift-click for b. On pole and shadow the generator&apos;s images over a (θ, φ) grid are encoded too and drawn as a mesh of lines of constant elevation θ (solid) and constant azimuth φ (dashed), with the codes of the true path (the generator&apos;s images at the interpolated θ and φ) dashed in the model&apos;s colour beside the straight path. One unit of z is as long on both axes. Beside them, each point&apos;s error: its RMS pixel distance to the true path&apos;s image (digits: to the nearest training image), for the VAE, the autoencoder and a pixel cross-fade; below, the paths decoded, over the true path. The status line gives the verdict over 100 test pairs, with standard errors, and each model&apos;s error along the mesh: what its decoder costs by itself, the rest being what the straight path&apos;s leaving the mesh costs. Latent space: the decoded grids over the scatters&apos; ranges. Training: both losses on one scale; three rows of samples from the VAE&apos;s prior, then test images above the VAE&apos;s and the AE&apos;s reconstructions.</source>
        <translation>讲义 003 §3：两个编码之间的直线还在数据上吗？一个 VAE 与一个同样结构的普通自编码器（不训练的预设使用 &apos;assets/&apos; 中随附的模型，事先从种子 0 训练）。插值：每个模型的测试编码（L &gt; 2 时为 PCA）及其从测试图像 a 到 b 的路径；点击一个编码使之成为 a，按住 Shift 点击则为 b。在杆与影上，生成器在 (θ, φ) 网格上的图像也被编码，画成网格线：实线为仰角 θ 不变，虚线为方位角 φ 不变；真实路径的编码（生成器在插值的 θ 与 φ 处的图像）以模型的颜色画成虚线，与直线路径并列。z 的一个单位在两轴上等长。旁边是每个点的误差：它与真实路径图像的像素均方根距离（手写数字：与最近训练图像的距离），分别对 VAE、自编码器和像素渐变；下方是解码后的路径，真实路径在下。状态栏给出 100 对测试图像上的结论及标准误，以及每个模型沿网格的误差：那是它的解码器本身的代价，其余是直线路径离开网格的代价。潜空间：散点图范围上的解码网格。训练：两个模型的损失画在同一尺度上；三行 VAE 先验的样本，然后是测试图像，其下为 VAE 与 AE 的重构。</translation>
    </message>
    <message>
        <source>cross-fade</source>
        <translation>像素渐变</translation>
    </message>
    <message>
        <source>off-manifold score</source>
        <translation>离开流形的程度</translation>
    </message>
    <message>
        <source>RMS distance to the data</source>
        <translation>到数据的均方根距离</translation>
    </message>
    <message>
        <source>{name} codes, ▽ a, □ b</source>
        <translation>{name} 编码，▽ a，□ b</translation>
    </message>
    <message>
        <source>the path decoded</source>
        <translation>解码后的路径</translation>
    </message>
    <message>
        <source>VAE: decoded grid</source>
        <translation>VAE：解码网格</translation>
    </message>
    <message>
        <source>AE: decoded grid</source>
        <translation>AE：解码网格</translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>{name}: mean {mean:.4f}</source>
        <translation>{name}：平均 {mean:.4f}</translation>
    </message>
    <message>
        <source>error against the truth</source>
        <translation>与真实值的误差</translation>
    </message>
    <message>
        <source>{score} ({path})</source>
        <translation>{score}（{path}）</translation>
    </message>
    <message>
        <source>RMS distance to the true image</source>
        <translation>均方根距离</translation>
    </message>
    <message>
        <source>{name} codes, (θ, φ) mesh</source>
        <translation>{name} 编码，(θ, φ) 网格</translation>
    </message>
    <message>
        <source>true path</source>
        <translation>真实路径</translation>
    </message>
    <message>
        <source>the path from test image a = {a} (▽) to b = {b} (□)</source>
        <translation>从测试图像 a = {a} (▽) 到 b = {b} (□) 的路径</translation>
    </message>
    <message>
        <source>models from files</source>
        <translation>来自文件的模型</translation>
    </message>
    <message>
        <source>shipped models</source>
        <translation>随附的模型</translation>
    </message>
    <message>
        <source>VAE test-set ELBO {elbo:.3f}, AE reconstruction {recon:.3f} nats ({likelihood})</source>
        <translation>VAE 测试集 ELBO {elbo:.3f}，AE 重构 {recon:.3f} 奈特（{likelihood}）</translation>
    </message>
    <message>
        <source>off-manifold: VAE {vae:.4f}, AE {ae:.4f}, cross-fade {pixel:.4f}</source>
        <translation>离开流形：VAE {vae:.4f}，AE {ae:.4f}，像素渐变 {pixel:.4f}</translation>
    </message>
    <message>
        <source>{pairs} test pairs against the true path: VAE {vae:.4f} ± {vae_se:.4f}, AE {ae:.4f} ± {ae_se:.4f}, cross-fade {pixel:.4f} ± {pixel_se:.4f} (RMS ± 1 s.e.), the VAE&apos;s path better in {better:.0%}</source>
        <translation>{pairs} 对测试图像，对照真实路径：VAE {vae:.4f} ± {vae_se:.4f}，AE {ae:.4f} ± {ae_se:.4f}，像素渐变 {pixel:.4f} ± {pixel_se:.4f}（均方根 ± 1 个标准误），VAE 的路径在 {better:.0%} 的情形更好</translation>
    </message>
    <message>
        <source>{pairs} test pairs nearest training image, beyond the ends&apos;: VAE {vae:.4f} ± {vae_se:.4f}, AE {ae:.4f} ± {ae_se:.4f}, cross-fade {pixel:.4f} ± {pixel_se:.4f} (RMS ± 1 s.e.), the VAE&apos;s path better in {better:.0%}</source>
        <translation>{pairs} 对测试图像，到最近训练图像的距离超出两端的部分：VAE {vae:.4f} ± {vae_se:.4f}，AE {ae:.4f} ± {ae_se:.4f}，像素渐变 {pixel:.4f} ± {pixel_se:.4f}（均方根 ± 1 个标准误），VAE 的路径在 {better:.0%} 的情形更好</translation>
    </message>
    <message>
        <source>along the mesh VAE {vae:.4f}, AE {ae:.4f}: leaving it costs VAE {vae_beyond:+.4f}, AE {ae_beyond:+.4f}</source>
        <translation>沿网格 VAE {vae:.4f}，AE {ae:.4f}：离开网格的代价 VAE {vae_beyond:+.4f}，AE {ae_beyond:+.4f}</translation>
    </message>
    <message>
        <source>models trained before, from the workspace</source>
        <translation>先前训练的模型，取自工作区</translation>
    </message>
    <message>
        <source>the VAE&apos;s and the AE&apos;s paths stay about as near the data</source>
        <translation>VAE 与 AE 的路径离数据差不多近</translation>
    </message>
    <message>
        <source>the VAE&apos;s path stays nearer the data ({ratio:.2g}× less far)</source>
        <translation>VAE 的路径离数据更近（远近相差 {ratio:.2g} 倍）</translation>
    </message>
    <message>
        <source>the AE&apos;s path stays nearer the data ({ratio:.2g}× less far)</source>
        <translation>AE 的路径离数据更近（远近相差 {ratio:.2g} 倍）</translation>
    </message>
    <message>
        <source>both below the cross-fade</source>
        <translation>两者都低于像素渐变</translation>
    </message>
    <message>
        <source>not both below the cross-fade</source>
        <translation>并非两者都低于像素渐变</translation>
    </message>
</context>
<context>
    <name>KLView</name>
    <message>
        <source>The posterior p(z | x) (black) and the two gaussians that fit it best, each by one KL. Blue minimises KL(p ‖ q): it must put mass wherever p has some, so it takes p&apos;s mean and variance (moment matching) and covers both modes. Orange minimises KL(q ‖ p), the gap under the ELBO that variational inference closes: q pays for mass where p has none, so it sits on one mode, narrower than p (mode seeking). Right: each q&apos;s two KLs.</source>
        <translation>后验 p(z | x)（黑）和按两种 KL 各自最佳拟合它的两个高斯。蓝色最小化 KL(p ‖ q)：凡是 p 有质量的地方它都必须有质量，所以它取 p 的均值与方差（矩匹配），覆盖两个峰。橙色最小化 KL(q ‖ p)，即变分推断要闭合的、ELBO 之下的差距：q 在 p 没有质量的地方放质量要付出代价，所以它落在一个峰上，比 p 窄（寻找众数）。右：每个 q 的两种 KL。</translation>
    </message>
    <message>
        <source>p(z | x) and its two best gaussians</source>
        <translation>p(z | x) 与它的两个最佳高斯</translation>
    </message>
    <message>
        <source>each q&apos;s KL both ways</source>
        <translation>每个 q 两个方向的 KL</translation>
    </message>
    <message>
        <source>p&apos;s modes</source>
        <translation>p 的峰</translation>
    </message>
    <message>
        <source>moment-matched q</source>
        <translation>矩匹配的 q</translation>
    </message>
    <message>
        <source>mode-seeking q</source>
        <translation>寻找众数的 q</translation>
    </message>
    <message>
        <source>{posterior} posterior: mean {mean:.4f}, sd {sd:.4f}, modes {modes}</source>
        <translation>{posterior}后验：均值 {mean:.4f}，标准差 {sd:.4f}，峰 {modes}</translation>
    </message>
    <message>
        <source>{kl} least at N({m:.3f}, {s:.3f}²): {value:.4f}</source>
        <translation>{kl} 在 N({m:.3f}, {s:.3f}²) 处最小：{value:.4f}</translation>
    </message>
</context>
<context>
    <name>LearningView</name>
    <message>
        <source>Left: log p(x; θ) (black), the marginal likelihood learning is after, and the ELBO ELBO(θ; φ) as a curve over θ for the current φ (orange) and the one before (red, faint): each lies below log p(x; θ). A φ step holds θ and raises the ELBO to its best q (up); a θ step holds φ and moves to its curve&apos;s top (along): the staircase (blue) never falls. With method = em, q is the exact posterior: each curve touches log p(x; θ) where it was made, and the θ step is EM&apos;s M-step. Right: the ELBO and log p(x; θ) half-step by half-step.</source>
        <translation>左：log p(x; θ)（黑），即学习所追求的边缘似然；以及作为 θ 的函数的 ELBO(θ; φ)，当前 φ 的曲线（橙）和前一个 φ 的曲线（红，淡）：每条都在 log p(x; θ) 之下。φ 步固定 θ，把 ELBO 提升到最佳的 q（向上）；θ 步固定 φ，移到曲线的顶点（横移）：阶梯（蓝）从不下降。方法为 EM 时，q 是精确后验：每条曲线在它生成处与 log p(x; θ) 相切，θ 步就是 EM 的 M 步。右：ELBO 与 log p(x; θ)，一个半步一个半步。</translation>
    </message>
    <message>
        <source>log p(x; θ) and ELBO(θ; φ)</source>
        <translation>log p(x; θ) 与 ELBO(θ; φ)</translation>
    </message>
    <message>
        <source>per half-step</source>
        <translation>每个半步</translation>
    </message>
    <message>
        <source>ELBO(θ; φ before)</source>
        <translation>ELBO(θ; 前一个 φ)</translation>
    </message>
    <message>
        <source>ELBO(θ; φ now)</source>
        <translation>ELBO(θ; 当前 φ)</translation>
    </message>
    <message>
        <source>the staircase</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>φ updated, θ held</source>
        <translation>更新 φ，固定 θ</translation>
    </message>
    <message>
        <source>θ updated, φ held</source>
        <translation>更新 θ，固定 φ</translation>
    </message>
    <message>
        <source>half-step {step} of {steps} ({phase})</source>
        <translation>第 {step} 个半步，共 {steps} 个（{phase}）</translation>
    </message>
    <message>
        <source>gap {gap:.2e}</source>
        <translation>差距 {gap:.2e}</translation>
    </message>
</context>
<context>
    <name>LearnsFromData</name>
    <message>
        <source>Use the Data panel&apos;s data</source>
        <translation>使用数据面板的数据</translation>
    </message>
    <message>
        <source>Run this model on the data set the Data panel drew last (1-D points for two means, points for a mixture, tosses for the coins)</source>
        <translation>在数据面板最近抽取的数据集上运行这个模型（两个均值用一维点，混合模型用点，三硬币用投掷）</translation>
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
    <name>MeansView</name>
    <message>
        <source>ℓ̄(μ₁, μ₂), EM&apos;s surrogates</source>
        <translation>ℓ̄(μ₁, μ₂) 与 EM 的代理函数</translation>
    </message>
    <message>
        <source>ℓ̄ per point</source>
        <translation>每个点的 ℓ̄</translation>
    </message>
    <message>
        <source>Click to start EM from that (μ₁, μ₂)</source>
        <translation>点击，从该 (μ₁, μ₂) 开始 EM</translation>
    </message>
    <message>
        <source>along the step: ℓ̄ and B</source>
        <translation>沿这一步：ℓ̄ 与 B</translation>
    </message>
    <message>
        <source>distance along the step from θₜ (μ units)</source>
        <translation>从 θₜ 沿这一步的距离（μ 的单位）</translation>
    </message>
    <message>
        <source>per-point value</source>
        <translation>每个点的值</translation>
    </message>
    <message>
        <source>log p(x) = ELBO + KL per half-step</source>
        <translation>每个半步的 log p(x) = ELBO + KL</translation>
    </message>
    <message>
        <source>half-step</source>
        <translation>半步</translation>
    </message>
    <message>
        <source>the Data panel&apos;s data are {d}-D; the two-means model is 1-D</source>
        <translation>数据面板的数据是 {d} 维的；两均值模型是一维的</translation>
    </message>
    <message>
        <source>surrogate B(·; θₜ) at level ℓ̄(θₜ)</source>
        <translation>代理函数 B(·; θₜ) 在水平 ℓ̄(θₜ) 的等高线</translation>
    </message>
    <message>
        <source>argmax B = next iterate</source>
        <translation>argmax B = 下一个迭代点</translation>
    </message>
    <message>
        <source>EM iterates θₜ, numbered</source>
        <translation>EM 迭代点 θₜ，带编号</translation>
    </message>
    <message>
        <source>mirror (μ₂, μ₁): label switching</source>
        <translation>镜像 (μ₂, μ₁)：标签交换</translation>
    </message>
    <message>
        <source>ℓ̄ along the line</source>
        <translation>沿直线的 ℓ̄</translation>
    </message>
    <message>
        <source>surrogate B(·; θₜ)</source>
        <translation>代理函数 B(·; θₜ)</translation>
    </message>
    <message>
        <source>θₜ: B touches ℓ̄</source>
        <translation>θₜ：B 与 ℓ̄ 相切</translation>
    </message>
    <message>
        <source>max B: θₜ₊₁</source>
        <translation>B 的最大点：θₜ₊₁</translation>
    </message>
    <message>
        <source>start θ₀</source>
        <translation>初值 θ₀</translation>
    </message>
    <message>
        <source>E step: q = p(z | x, θₜ), gap closed</source>
        <translation>E 步：q = p(z | x, θₜ)，差距闭合</translation>
    </message>
    <message>
        <source>M step: θₜ₊₁ = argmax B</source>
        <translation>M 步：θₜ₊₁ = argmax B</translation>
    </message>
    <message>
        <source>ℓ DECREASED: a bug</source>
        <translation>ℓ 下降了：这是缺陷</translation>
    </message>
    <message>
        <source>&lt;p&gt;Data from π N(μ₁, 1) + (1 − π) N(μ₂, 1); EM estimates (μ₁, μ₂) with σ and π known (seed 003 §2.9). Colours and contours: the log-likelihood ℓ̄(μ) per point.&lt;/p&gt;&lt;p&gt;&lt;b&gt;E step&lt;/b&gt; at θ&lt;sub&gt;t&lt;/sub&gt;: q(z&lt;sub&gt;i&lt;/sub&gt;) = p(z&lt;sub&gt;i&lt;/sub&gt; | x&lt;sub&gt;i&lt;/sub&gt;, θ&lt;sub&gt;t&lt;/sub&gt;) gives the surrogate B(μ; θ&lt;sub&gt;t&lt;/sub&gt;) = (1/n) Σ&lt;sub&gt;i&lt;/sub&gt; Σ&lt;sub&gt;z&lt;/sub&gt; q log[p(x&lt;sub&gt;i&lt;/sub&gt;, z; μ)/q], a quadratic bowl with B ≤ ℓ̄ everywhere and B = ℓ̄ at θ&lt;sub&gt;t&lt;/sub&gt;: the gap KL(q ‖ p(z | x, θ)) closes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;M step&lt;/b&gt;: θ&lt;sub&gt;t+1&lt;/sub&gt; = argmax B (the star), so ℓ̄(θ&lt;sub&gt;t+1&lt;/sub&gt;) ≥ B(θ&lt;sub&gt;t+1&lt;/sub&gt;) ≥ B(θ&lt;sub&gt;t&lt;/sub&gt;) = ℓ̄(θ&lt;sub&gt;t&lt;/sub&gt;): EM never goes down.&lt;/p&gt;&lt;p&gt;Magenta: B&apos;s contour at level ℓ̄(θ&lt;sub&gt;t&lt;/sub&gt;), an ellipse centred on θ&lt;sub&gt;t+1&lt;/sub&gt; inside ℓ̄&apos;s contour (white) and touching it at θ&lt;sub&gt;t&lt;/sub&gt;; the ellipses walk up the hill. Click the surface to start elsewhere; the mirror (μ₂, μ₁) is the same fit with the labels swapped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;数据来自 π N(μ₁, 1) + (1 − π) N(μ₂, 1)；σ 与 π 已知，EM 估计 (μ₁, μ₂)（讲义 003 §2.9）。颜色与等高线：每个点的对数似然 ℓ̄(μ)。&lt;/p&gt;&lt;p&gt;在 θ&lt;sub&gt;t&lt;/sub&gt; 处的 &lt;b&gt;E 步&lt;/b&gt;：q(z&lt;sub&gt;i&lt;/sub&gt;) = p(z&lt;sub&gt;i&lt;/sub&gt; | x&lt;sub&gt;i&lt;/sub&gt;, θ&lt;sub&gt;t&lt;/sub&gt;) 给出代理函数 B(μ; θ&lt;sub&gt;t&lt;/sub&gt;) = (1/n) Σ&lt;sub&gt;i&lt;/sub&gt; Σ&lt;sub&gt;z&lt;/sub&gt; q log[p(x&lt;sub&gt;i&lt;/sub&gt;, z; μ)/q]，一个二次的碗，处处 B ≤ ℓ̄，且在 θ&lt;sub&gt;t&lt;/sub&gt; 处 B = ℓ̄：差距 KL(q ‖ p(z | x, θ)) 闭合。&lt;/p&gt;&lt;p&gt;&lt;b&gt;M 步&lt;/b&gt;：θ&lt;sub&gt;t+1&lt;/sub&gt; = argmax B（星），所以 ℓ̄(θ&lt;sub&gt;t+1&lt;/sub&gt;) ≥ B(θ&lt;sub&gt;t+1&lt;/sub&gt;) ≥ B(θ&lt;sub&gt;t&lt;/sub&gt;) = ℓ̄(θ&lt;sub&gt;t&lt;/sub&gt;)：EM 从不下降。&lt;/p&gt;&lt;p&gt;品红：B 在水平 ℓ̄(θ&lt;sub&gt;t&lt;/sub&gt;) 的等高线，一个以 θ&lt;sub&gt;t+1&lt;/sub&gt; 为中心的椭圆，位于 ℓ̄ 的等高线（白）之内，并在 θ&lt;sub&gt;t&lt;/sub&gt; 处与它相切；一个个椭圆沿山坡向上走。点击曲面可从别处开始；镜像 (μ₂, μ₁) 是交换标签后的同一个拟合。&lt;/p&gt;</translation>
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
    <message>
        <source>a component&apos;s covariance became singular (it collapsed onto too few distinct points); raise reg_covar (say to 1e-6) or use fewer components</source>
        <translation>一个分量的协方差变得奇异（它坍缩到了太少的不同点上）；请增大协方差正则（比如到 1e-6）或减少分量</translation>
    </message>
    <message>
        <source>{name} = {value}: {reason}</source>
        <translation>{name} = {value}：{reason}</translation>
    </message>
    <message>
        <source>{name} = {value}: {why}</source>
        <translation>{name} = {value}：{why}</translation>
    </message>
    <message>
        <source>{experiment}: {reason}</source>
        <translation>{experiment}：{reason}</translation>
    </message>
    <message>
        <source>unknown parameter {given!r} for {experiment}; known: {items}</source>
        <translation>{experiment} 没有参数 {given!r}；已知：{items}</translation>
    </message>
    <message>
        <source>k = {k} components but n = {n} points: K must not exceed n</source>
        <translation>k = {k} 个分量，但 n = {n} 个点：K 不能超过 n</translation>
    </message>
    <message>
        <source>weights = {echoed}: {weights_count} numbers for {k} components</source>
        <translation>权重 = {echoed}：{k} 个分量却有 {weights_count} 个数</translation>
    </message>
    <message>
        <source>weights = {echoed}: they sum to 0</source>
        <translation>权重 = {echoed}：它们的和为 0</translation>
    </message>
    <message>
        <source>covariances are for 2-D mixtures; in 1-D give stds</source>
        <translation>协方差用于二维混合；一维请给出标准差</translation>
    </message>
    <message>
        <source>stds = {echoed}: {stds_count} numbers for {k} components</source>
        <translation>标准差 = {echoed}：{k} 个分量却有 {stds_count} 个数</translation>
    </message>
    <message>
        <source>stds are for 1-D mixtures; in 2-D give covariances &apos;σx², σxy, σy²&apos;</source>
        <translation>标准差用于一维混合；二维请给出协方差 &apos;σx², σxy, σy²&apos;</translation>
    </message>
    <message>
        <source>covariances: {covariances_count} numbers for {k} components; give &apos;σx², σxy, σy²&apos; for each</source>
        <translation>协方差：{k} 个分量却有 {covariances_count} 个数；每个分量给出 &apos;σx², σxy, σy²&apos;</translation>
    </message>
    <message>
        <source>out = {out}: data are saved as .npz</source>
        <translation>输出文件 = {out}：数据保存为 &apos;.npz&apos; 文件</translation>
    </message>
    <message>
        <source>means = {echoed}: {means_count} numbers; in 2-D give &apos;x, y&apos; for each component</source>
        <translation>均值 = {echoed}：{means_count} 个数；二维请为每个分量给出 &apos;x, y&apos;</translation>
    </message>
    <message>
        <source>k = {k} but means gives {k2} components</source>
        <translation>k = {k}，但均值给出 {k2} 个分量</translation>
    </message>
    <message>
        <source>means gives {k} components; allowed: 1 to {MAX_K}</source>
        <translation>均值给出 {k} 个分量；允许：1 到 {MAX_K}</translation>
    </message>
    <message>
        <source>weights = {echoed} sum to {total:.6g}, not 1; fix them or set normalize=true</source>
        <translation>权重 = {echoed} 之和为 {total:.6g}，不是 1；请修正，或勾选归一化权重</translation>
    </message>
    <message>
        <source>stds[{i}] = {s:g}: a standard deviation must be &gt; 0 (zero variance has no density)</source>
        <translation>标准差[{i}] = {s:g}：标准差必须 &gt; 0（方差为零没有密度）</translation>
    </message>
    <message>
        <source>covariances[{i}] = ({vx:g}, {cxy:g}, {vy:g}): the variances σx², σy² must be &gt; 0</source>
        <translation>协方差[{i}] = ({vx:g}, {cxy:g}, {vy:g})：方差 σx²、σy² 必须 &gt; 0</translation>
    </message>
    <message>
        <source>covariances[{i}] = ({vx:g}, {cxy:g}, {vy:g}) is not positive definite: need σxy² &lt; σx² σy²</source>
        <translation>协方差[{i}] = ({vx:g}, {cxy:g}, {vy:g}) 不是正定的：需要 σxy² &lt; σx² σy²</translation>
    </message>
    <message>
        <source>observations = (): give at least one toss</source>
        <translation>观测 = ()：至少给出一次投掷</translation>
    </message>
    <message>
        <source>n = {n} but observations has {observations_count} tosses; give one or the other</source>
        <translation>n = {n}，但观测有 {observations_count} 次投掷；两者只给其一</translation>
    </message>
    <message>
        <source>path is required when kind = file: a .csv or .npz file</source>
        <translation>数据种类为文件时需要路径：一个 &apos;.csv&apos; 或 &apos;.npz&apos; 文件</translation>
    </message>
    <message>
        <source>{name}: a data recipe of {size}; at most {MAX_RECIPE:,}</source>
        <translation>{name}：数据配方长 {size}；至多 {MAX_RECIPE:,}</translation>
    </message>
    <message>
        <source>{name} = {reference}: not a data recipe (&apos;data:&apos; and the Data panel&apos;s parameters as a JSON object)</source>
        <translation>{name} = {reference}：不是数据配方（应为 &apos;data:&apos; 加上数据面板参数的 JSON 对象）</translation>
    </message>
    <message>
        <source>{name}: a recipe does not name a file; give the file&apos;s path</source>
        <translation>{name}：配方并不指明文件；请给出文件的路径</translation>
    </message>
    <message>
        <source>{name}: {exc}</source>
        <translation>{name}：{exc}</translation>
    </message>
    <message>
        <source>device = {given!r}: not allowed; allowed: one of {items}</source>
        <translation>设备 = {given!r}：不允许；允许：{items} 之一</translation>
    </message>
    <message>
        <source>starts: {count} starts; at most {MAX_STARTS}</source>
        <translation>初值：{count} 个；至多 {MAX_STARTS} 个</translation>
    </message>
    <message>
        <source>starts[{index}] = {echoed}: each probability must lie strictly between 0 and 1 (EM never moves one off 0 or 1)</source>
        <translation>初值[{index}] = {echoed}：每个概率必须严格介于 0 与 1 之间（EM 永远不会让它离开 0 或 1）</translation>
    </message>
    <message>
        <source>start = {path}: larger than {limit} MiB</source>
        <translation>初值 = {path}：大于 {limit} MiB</translation>
    </message>
    <message>
        <source>start = {path}: no {key!r} (it needs weights, means, covariances)</source>
        <translation>初值 = {path}：没有 {key!r}（需要 &apos;weights&apos;、&apos;means&apos;、&apos;covariances&apos;）</translation>
    </message>
    <message>
        <source>start = {path}: {key} is not a rectangular array of numbers</source>
        <translation>初值 = {path}：{key} 不是矩形的数值数组</translation>
    </message>
    <message>
        <source>start = {path}: weights have shape {shape}; expected (K,): one weight a component</source>
        <translation>初值 = {path}：权重的形状为 {shape}；应为 (K,)：每个分量一个权重</translation>
    </message>
    <message>
        <source>start = {path}: weights must lie in [0, 1] and sum to 1 (they sum to {sum:.6g})</source>
        <translation>初值 = {path}：权重必须在 [0, 1] 内且和为 1（其和为 {sum:.6g}）</translation>
    </message>
    <message>
        <source>start = {path}: covariances are not symmetric</source>
        <translation>初值 = {path}：协方差不对称</translation>
    </message>
    <message>
        <source>start = {path}: {array} have shape {shape}; expected {expected} (K = {k} components, d = {d})</source>
        <translation>初值 = {path}：{array} 的形状为 {shape}；应为 {expected}（K = {k} 个分量，d = {d}）</translation>
    </message>
    <message>
        <source>start = {path}: {array} are not all finite</source>
        <translation>初值 = {path}：{array} 不全是有限数</translation>
    </message>
    <message>
        <source>start = {path}: covariances must be &gt; 0 (variances, for {covariance})</source>
        <translation>初值 = {path}：协方差必须 &gt; 0（方差，对 {covariance}）</translation>
    </message>
    <message>
        <source>start = {path}: covariances: one is not positive definite</source>
        <translation>初值 = {path}：协方差中有一个不是正定的</translation>
    </message>
    <message>
        <source>start = {path}: covariances have shape {shape}; expected {expected} for covariance = {covariance} (K = {k} components, d = {d})</source>
        <translation>初值 = {path}：协方差的形状为 {shape}；协方差类型 = {covariance} 时应为 {expected}（K = {k} 个分量，d = {d}）</translation>
    </message>
    <message>
        <source>proposal = {given!r}: the gaussian proposal is for continuous z (curve1d, curve2d)</source>
        <translation>提议分布 = {given!r}：高斯提议分布用于连续的 z（一维、二维曲线模型）</translation>
    </message>
    <message>
        <source>proposal = {given!r}: unknown</source>
        <translation>提议分布 = {given!r}：未知</translation>
    </message>
    <message>
        <source>model = {given!r}: unknown; known: {items}</source>
        <translation>模型 = {given!r}：未知；已知：{items}</translation>
    </message>
    <message>
        <source>{name}: {values_count} numbers; give one number, or one per dimension ({model})</source>
        <translation>{name}：{values_count} 个数；请给出一个数，或每个维度一个（{model}）</translation>
    </message>
    <message>
        <source>{name}: {values_count} numbers; give one number ({model})</source>
        <translation>{name}：{values_count} 个数；请给出一个数（{model}）</translation>
    </message>
    <message>
        <source>proposal = {given!r}: the vae model&apos;s posterior is not known; use fitted (the encoder&apos;s q), prior or gaussian</source>
        <translation>提议分布 = {given!r}：VAE 模型的后验未知；请用拟合（编码器的 q）、先验或高斯</translation>
    </message>
    <message>
        <source>unknown experiment {given!r}; known: {items}</source>
        <translation>未知的实验 {given!r}；已知：{items}</translation>
    </message>
    <message>
        <source>unknown preset {given!r} for {experiment}; known: {known}</source>
        <translation>{experiment} 没有预设 {given!r}；已知：{known}</translation>
    </message>
    <message>
        <source>{name} = {path}: {size:,} bytes, more than a weights file&apos;s {limit} MiB</source>
        <translation>{name} = {path}：{size:,} 字节，超过权重文件的 {limit} MiB</translation>
    </message>
    <message>
        <source>image = {image}: the test set has {sizes} images (0 to {last})</source>
        <translation>测试图像 = {image}：测试集有 {sizes} 张图像（0 到 {last}）</translation>
    </message>
    <message>
        <source>{name} = {index}: the test set has {test} images (0 to {last})</source>
        <translation>{name} = {index}：测试集有 {test} 张图像（0 到 {last}）</translation>
    </message>
    <message>
        <source>q = N({m:g}, {s:g}²): the skewed model&apos;s ELBO holds −exp(m + s²/2) = −e^{power:.0f}, beyond any floating-point number; keep m + s²/2 ≤ {limit:g} (at m = {m:g}, s ≤ {largest:.4g})</source>
        <translation>q = N({m:g}, {s:g}²)：偏斜模型的证据下界含 −exp(m + s²/2) = −e^{power:.0f}，超出任何浮点数；请保持 m + s²/2 ≤ {limit:g}（在 m = {m:g} 处，s ≤ {largest:.4g}）</translation>
    </message>
    <message>
        <source>posterior = {given!r}: unknown; known: {items}</source>
        <translation>后验 = {given!r}：未知；已知：{items}</translation>
    </message>
    <message>
        <source>posterior = {given}, x = {x:g}: p(z | x) cannot be normalised on its grid z ∈ [{span:g}, {span2:g}] (mass {edge:.2g} near the edges); choose another x</source>
        <translation>后验 = {given}，x = {x:g}：p(z | x) 无法在网格 z ∈ [{span:g}, {span2:g}] 上归一化（边缘附近的质量 {edge:.2g}）；请换一个 x</translation>
    </message>
    <message>
        <source>device = &apos;cuda&apos;: no CUDA device is available here; use auto or cpu</source>
        <translation>设备 = &apos;cuda&apos;：这里没有可用的 CUDA 设备；请用自动或 CPU</translation>
    </message>
    <message>
        <source>truth = {echoed}: give p_A, p_B, p_C</source>
        <translation>真实参数 = {echoed}：请给出 p_A, p_B, p_C</translation>
    </message>
    <message>
        <source>starts: {starts_count} numbers; give &apos;p_A, p_B, p_C&apos; for each start</source>
        <translation>初值：{starts_count} 个数；每个初值给出 &apos;p_A, p_B, p_C&apos;</translation>
    </message>
    <message>
        <source>heads and observations both given: give the tosses or their count</source>
        <translation>正面数和观测都给出了：请只给投掷或其次数</translation>
    </message>
    <message>
        <source>heads = {heads}: more than the n = {n} tosses</source>
        <translation>正面数 = {heads}：多于 n = {n} 次投掷</translation>
    </message>
    <message>
        <source>start = {path}: not a JSON object with weights, means and covariances</source>
        <translation>初值 = {path}：不是含 &apos;weights&apos;、&apos;means&apos; 和 &apos;covariances&apos; 的 JSON 对象</translation>
    </message>
    <message>
        <source>components = {components} but the data have {n} points: K must not exceed n</source>
        <translation>K = {components}，但数据只有 {n} 个点：K 不能超过 n</translation>
    </message>
    <message>
        <source>init = points needs start_means (click the scatter, or give &apos;x, y; x, y&apos;)</source>
        <translation>初始化为给定点时需要初始均值（在散点图上点击，或给出 &apos;x, y; x, y&apos;）</translation>
    </message>
    <message>
        <source>standardize: a column is constant (zero variance)</source>
        <translation>标准化：有一列是常数（方差为零）</translation>
    </message>
    <message>
        <source>start = {path}: not a JSON file ({error})</source>
        <translation>初值 = {path}：不是 JSON 文件（{error}）</translation>
    </message>
    <message>
        <source>start has {k} components but components = {k2}</source>
        <translation>初值有 {k} 个分量，但 K = {k2}</translation>
    </message>
    <message>
        <source>start_means: {size} numbers; give {k} points of {d} coordinates</source>
        <translation>初始均值：{size} 个数；请给出 {k} 个 {d} 维坐标的点</translation>
    </message>
    <message>
        <source>mu_range = {echoed}: give lo, hi with lo &lt; hi</source>
        <translation>μ 范围 = {echoed}：请给出下限、上限，且下限 &lt; 上限</translation>
    </message>
    <message>
        <source>iteration {t}: a component lost all its weight (no point is closer to it); choose another start</source>
        <translation>迭代 {t}：一个分量失去了全部权重（没有点离它更近）；请换一个初值</translation>
    </message>
    <message>
        <source>{name} = {echoed}: give two numbers, μ1, μ2</source>
        <translation>{name} = {echoed}：请给出两个数 μ1, μ2</translation>
    </message>
    <message>
        <source>covariance = {covariance_type!r}; allowed: {items}</source>
        <translation>协方差类型 = {covariance_type!r}；允许：{items}</translation>
    </message>
    <message>
        <source>bits = {bits}: the binary model enumerates all 2^D states for the exact p(x); D must be between 1 and {MAX_BITS}</source>
        <translation>D = {bits}：二值模型为精确 p(x) 枚举全部 2^D 个状态；D 必须在 1 到 {MAX_BITS} 之间</translation>
    </message>
    <message>
        <source>components = {components}: between 1 and {MAX_COMPONENTS} for the mixture</source>
        <translation>K = {components}：混合模型须在 1 到 {MAX_COMPONENTS} 之间</translation>
    </message>
    <message>
        <source>proposal = gaussian: for continuous z only (curve1d, curve2d, vae), not {model}</source>
        <translation>提议分布为高斯：只用于连续的 z（一维、二维曲线模型、VAE），不用于 {model}</translation>
    </message>
    <message>
        <source>proposal = posterior: the vae model&apos;s posterior is not known; use fitted (the encoder&apos;s q), prior or gaussian</source>
        <translation>提议分布为后验：VAE 模型的后验未知；请用拟合（编码器的 q）、先验或高斯</translation>
    </message>
    <message>
        <source>image = {image}: the digits test set has {test_count} images</source>
        <translation>测试图像 = {image}：手写数字测试集只有 {test_count} 张图像</translation>
    </message>
    <message>
        <source>a running {experiment} cannot take {changed}</source>
        <translation>运行中的 {experiment} 不能接受 {changed}</translation>
    </message>
    <message>
        <source>{name} = {path}: not a weights file saved by save=</source>
        <translation>{name} = {path}：不是由“保存权重到”保存的权重文件</translation>
    </message>
    <message>
        <source>{name} = {path}: weights for another architecture: {differ}</source>
        <translation>{name} = {path}：是另一种结构的权重：{differ}</translation>
    </message>
    <message>
        <source>{name} = {path}: not a weights file saved by save= ({error})</source>
        <translation>{name} = {path}：不是由“保存权重到”保存的权重文件（{error}）</translation>
    </message>
    <message>
        <source>{name} = {path}: cannot read ({reason})</source>
        <translation>{name} = {path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{name} = {path}: its weights do not fit the model ({error})</source>
        <translation>{name} = {path}：其中的权重与模型不符（{error}）</translation>
    </message>
    <message>
        <source>{name} = {path}: its weights are not finite (NaN or infinite values in {key}); a weights file holds finite numbers</source>
        <translation>{name} = {path}：其中的权重不是有限数（{key} 中有 NaN 或无穷大）；权重文件应当只含有限数</translation>
    </message>
    <message>
        <source>{name} = {path}: a damaged weights file ({error})</source>
        <translation>{name} = {path}：权重文件已损坏（{error}）</translation>
    </message>
    <message>
        <source>the run gave no snapshot</source>
        <translation>这次运行没有给出快照</translation>
    </message>
    <message>
        <source>image = {image}: the test set has {test_count} images</source>
        <translation>测试图像 = {image}：测试集只有 {test_count} 张图像</translation>
    </message>
    <message>
        <source>batch = {batch}: more than the {sizes} training images</source>
        <translation>批大小 = {batch}：多于 {sizes} 张训练图像</translation>
    </message>
    <message>
        <source>path = mesh: the true path needs the generator&apos;s factors (pole and shadow)</source>
        <translation>路径为流形网格：真实路径需要生成器的因子（杆与影）</translation>
    </message>
    <message>
        <source>batch = {batch}: more than the {train} training images</source>
        <translation>批大小 = {batch}：多于 {train} 张训练图像</translation>
    </message>
    <message>
        <source>epochs = 0 and no {kind}_file: no {kind} ships for {dataset}, latent {latent}, {likelihood}{beta}; shipped: {shipped}. Give a weights file or epochs</source>
        <translation>训练轮数 = 0 且没有 {kind}_file：没有随附 {dataset}、潜空间 {latent} 维、{likelihood}{beta} 的 {kind}；随附的有：{shipped}。请给出权重文件或训练轮数</translation>
    </message>
    <message>
        <source>rho = {rho:g}: a correlation with |ρ| &lt; 1 (at ±1 p has no density)</source>
        <translation>ρ = {rho:g}：相关系数须满足 |ρ| &lt; 1（在 ±1 时 p 没有密度）</translation>
    </message>
    <message>
        <source>{name}: two numbers (z₁, z₂)</source>
        <translation>{name}：两个数 (z₁, z₂)</translation>
    </message>
    <message>
        <source>s = {s:g}: a standard deviation is positive</source>
        <translation>s = {s:g}：标准差是正数</translation>
    </message>
    <message>
        <source>other: two numbers &apos;m, s&apos; with s &gt; 0</source>
        <translation>另一个 q：两个数 &apos;m, s&apos;，且 s &gt; 0</translation>
    </message>
    <message>
        <source>{name}: {refused}</source>
        <translation>{name}：{refused}</translation>
    </message>
    <message>
        <source>theta = {theta:g}: p(z | x; θ) reaches the ends of its grid z ∈ [{Z:g}, {Z2:g}]; choose a θ nearer log(mean x)</source>
        <translation>θ = {theta:g}：p(z | x; θ) 伸到了网格 z ∈ [{Z:g}, {Z2:g}] 的两端；请选一个更接近 log(x 的均值) 的 θ</translation>
    </message>
    <message>
        <source>x: at least one count</source>
        <translation>x：至少一个计数</translation>
    </message>
    <message>
        <source>x: {x_count} counts; at most {MAX_COUNTS}</source>
        <translation>x：{x_count} 个计数；至多 {MAX_COUNTS} 个</translation>
    </message>
    <message>
        <source>x: counts are whole numbers (0, 1, 2, ...)</source>
        <translation>x：计数是非负整数（0, 1, 2, ...）</translation>
    </message>
    <message>
        <source>x: all counts 0: log p(x; θ) rises without end as θ → −∞</source>
        <translation>x：计数全为 0：θ → −∞ 时 log p(x; θ) 无限上升</translation>
    </message>
    <message>
        <source>x = {x:g}: the skewed model&apos;s x is a count (0, 1, 2, ...)</source>
        <translation>x = {x:g}：偏斜模型的 x 是计数（0, 1, 2, ...）</translation>
    </message>
</context>
<context>
    <name>MixtureView</name>
    <message>
        <source>points coloured by their responsibilities</source>
        <translation>按责任着色的点</translation>
    </message>
    <message>
        <source>Click K points to start EM from those means (init = points)</source>
        <translation>点击 K 个点，以它们为均值开始 EM（初始化为给定点）</translation>
    </message>
    <message>
        <source>ℓ̄ per iteration: never down</source>
        <translation>每次迭代的 ℓ̄：从不下降</translation>
    </message>
    <message>
        <source>iteration t</source>
        <translation>迭代 t</translation>
    </message>
    <message>
        <source>responsibilities (first two of {d} dimensions)</source>
        <translation>责任（{d} 维中的前两维）</translation>
    </message>
    <message>
        <source>start mean {placed} of {wanted} placed; click the rest</source>
        <translation>已放置 {wanted} 个初始均值中的第 {placed} 个；请点击其余的</translation>
    </message>
    <message>
        <source>converged (tol {tol:g})</source>
        <translation>已收敛（容差 {tol:g}）</translation>
    </message>
    <message>
        <source>at the iteration limit (tol {tol:g})</source>
        <translation>已达迭代上限（容差 {tol:g}）</translation>
    </message>
    <message>
        <source>not yet converged (tol {tol:g})</source>
        <translation>尚未收敛（容差 {tol:g}）</translation>
    </message>
    <message>
        <source>{ms:.1f} ms in EM</source>
        <translation>EM 用时 {ms:.1f} 毫秒</translation>
    </message>
    <message>
        <source>&lt;p&gt;A &lt;b&gt;Gaussian mixture&lt;/b&gt; with K components, fitted by EM (Bishop §9.2). E step: r&lt;sub&gt;ik&lt;/sub&gt; = π&lt;sub&gt;k&lt;/sub&gt; N(x&lt;sub&gt;i&lt;/sub&gt;; μ&lt;sub&gt;k&lt;/sub&gt;, Σ&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;j&lt;/sub&gt; π&lt;sub&gt;j&lt;/sub&gt; N(x&lt;sub&gt;i&lt;/sub&gt;; μ&lt;sub&gt;j&lt;/sub&gt;, Σ&lt;sub&gt;j&lt;/sub&gt;), shown as each point&apos;s colour, a blend of the component colours. M step: N&lt;sub&gt;k&lt;/sub&gt; = Σ&lt;sub&gt;i&lt;/sub&gt; r&lt;sub&gt;ik&lt;/sub&gt;, π&lt;sub&gt;k&lt;/sub&gt; = N&lt;sub&gt;k&lt;/sub&gt;/n, μ&lt;sub&gt;k&lt;/sub&gt; = Σ r&lt;sub&gt;ik&lt;/sub&gt;x&lt;sub&gt;i&lt;/sub&gt;/N&lt;sub&gt;k&lt;/sub&gt;, Σ&lt;sub&gt;k&lt;/sub&gt; = Σ r&lt;sub&gt;ik&lt;/sub&gt;(x&lt;sub&gt;i&lt;/sub&gt; − μ&lt;sub&gt;k&lt;/sub&gt;)(x&lt;sub&gt;i&lt;/sub&gt; − μ&lt;sub&gt;k&lt;/sub&gt;)ᵀ/N&lt;sub&gt;k&lt;/sub&gt; (+ reg_covar).&lt;/p&gt;&lt;p&gt;Ellipses at 1σ (solid) and 2σ (dashed). Right: ℓ̄ per iteration, which never decreases. Click K points on the scatter to start from those means; the numbers agree with scikit-learn&apos;s GaussianMixture from the same start.&lt;/p&gt;</source>
        <translation>&lt;p&gt;K 个分量的&lt;b&gt;高斯混合&lt;/b&gt;，用 EM 拟合（Bishop §9.2）。E 步：r&lt;sub&gt;ik&lt;/sub&gt; = π&lt;sub&gt;k&lt;/sub&gt; N(x&lt;sub&gt;i&lt;/sub&gt;; μ&lt;sub&gt;k&lt;/sub&gt;, Σ&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;j&lt;/sub&gt; π&lt;sub&gt;j&lt;/sub&gt; N(x&lt;sub&gt;i&lt;/sub&gt;; μ&lt;sub&gt;j&lt;/sub&gt;, Σ&lt;sub&gt;j&lt;/sub&gt;)，显示为每个点的颜色，即各分量颜色的混合。M 步：N&lt;sub&gt;k&lt;/sub&gt; = Σ&lt;sub&gt;i&lt;/sub&gt; r&lt;sub&gt;ik&lt;/sub&gt;，π&lt;sub&gt;k&lt;/sub&gt; = N&lt;sub&gt;k&lt;/sub&gt;/n，μ&lt;sub&gt;k&lt;/sub&gt; = Σ r&lt;sub&gt;ik&lt;/sub&gt;x&lt;sub&gt;i&lt;/sub&gt;/N&lt;sub&gt;k&lt;/sub&gt;，Σ&lt;sub&gt;k&lt;/sub&gt; = Σ r&lt;sub&gt;ik&lt;/sub&gt;(x&lt;sub&gt;i&lt;/sub&gt; − μ&lt;sub&gt;k&lt;/sub&gt;)(x&lt;sub&gt;i&lt;/sub&gt; − μ&lt;sub&gt;k&lt;/sub&gt;)ᵀ/N&lt;sub&gt;k&lt;/sub&gt;（加上协方差正则）。&lt;/p&gt;&lt;p&gt;椭圆为 1σ（实线）与 2σ（虚线）。右：每次迭代的 ℓ̄，从不下降。在散点图上点击 K 个点，即从这些均值开始；从同一初值出发，数值与 scikit-learn 的 &apos;GaussianMixture&apos; 一致。&lt;/p&gt;</translation>
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
        <source>showing step {kept}: one step in {stride} of this run&apos;s {steps:,} is kept</source>
        <translation>显示第 {kept} 步：本次运行的 {steps:,} 步中每 {stride} 步保留一步</translation>
    </message>
    <message>
        <source>What you see</source>
        <translation>图中所示</translation>
    </message>
    <message>
        <source>The current figures; select to copy</source>
        <translation>当前的数值；可选中复制</translation>
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
    <message>
        <source>could not draw step {step}: {error}</source>
        <translation>无法绘制第 {step} 步：{error}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&lt;b&gt;{prefix}:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;{prefix}：&lt;/b&gt;{text}</translation>
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
    <name>Progress</name>
    <message>
        <source>the IWAE ladder</source>
        <translation>IWAE 阶梯</translation>
    </message>
    <message>
        <source>log p(x; θ)</source>
        <translation>log p(x; θ)</translation>
    </message>
    <message>
        <source>restarts</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>log-likelihood surface</source>
        <translation>对数似然曲面</translation>
    </message>
    <message>
        <source>exact p(x)</source>
        <translation>精确 p(x)</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>采样</translation>
    </message>
</context>
<context>
    <name>RaceView</name>
    <message>
        <source>Move q = N(mean, scale²)</source>
        <translation>移动 q = N(均值, 尺度²)</translation>
    </message>
    <message>
        <source>Drag to use a gaussian proposal of this mean and scale (every dimension of z): the race starts again with it at once, the model and its exact p(x) kept</source>
        <translation>拖动以使用这个均值和尺度的高斯提议分布（z 的每一维）：比赛立即以它重新开始，模型及其精确 p(x) 不变</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>尺度</translation>
    </message>
    <message>
        <source>P_k of every chain</source>
        <translation>每条链的 P_k</translation>
    </message>
    <message>
        <source>spread across chains</source>
        <translation>链间的离散程度</translation>
    </message>
    <message>
        <source>std of P_k / p(x)</source>
        <translation>P_k / p(x) 的标准差</translation>
    </message>
    <message>
        <source>mean log P_k ≈ L_k ≤ log p(x)</source>
        <translation>log P_k 的平均 ≈ L_k ≤ log p(x)</translation>
    </message>
    <message>
        <source>mean of log P_k</source>
        <translation>log P_k 的平均</translation>
    </message>
    <message>
        <source>final estimates</source>
        <translation>最终估计</translation>
    </message>
    <message>
        <source>chains</source>
        <translation>链数</translation>
    </message>
    <message>
        <source>q beside the posterior</source>
        <translation>q 与后验</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>importance weights</source>
        <translation>重要性权重</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>naive MC, z ~ {q}</source>
        <translation>朴素蒙特卡洛，z ~ {q}</translation>
    </message>
    <message>
        <source>importance, q = {q}</source>
        <translation>重要性采样，q = {q}</translation>
    </message>
    <message>
        <source>importance: L_k of q</source>
        <translation>重要性采样：q 的 L_k</translation>
    </message>
    <message>
        <source>± 2 standard errors over the chains</source>
        <translation>链间 ± 2 个标准误</translation>
    </message>
    <message>
        <source>importance</source>
        <translation>重要性采样</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确值</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参照值</translation>
    </message>
    <message>
        <source>{chains} chains at k = {k:,}</source>
        <translation>k = {k:,} 时的 {chains} 条链</translation>
    </message>
    <message>
        <source>hidden pixel d</source>
        <translation>隐像素 d</translation>
    </message>
    <message>
        <source>components, most probable first</source>
        <translation>分量，概率大者在前</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>ESS / k</source>
        <translation>有效样本数 / k</translation>
    </message>
    <message>
        <source>{estimator} mean {mean:.6g} (rel. std {std:.3g})</source>
        <translation>{estimator}：平均 {mean:.6g}（相对标准差 {std:.3g}）</translation>
    </message>
    <message>
        <source>ESS {ess:.4g} of {k:,}</source>
        <translation>有效样本数 {ess:.4g} / {k:,}</translation>
    </message>
    <message>
        <source>largest weight {weight:.3g}</source>
        <translation>最大权重 {weight:.3g}</translation>
    </message>
    <message>
        <source>q is the exact posterior: every weight is p(x), zero variance</source>
        <translation>q 是精确后验：每个权重都是 p(x)，方差为零</translation>
    </message>
    <message>
        <source>&lt;p&gt;p(x) = Σ&lt;sub&gt;z&lt;/sub&gt; p(x, z) is known exactly here. &lt;b&gt;Naive Monte Carlo&lt;/b&gt; (blue): draw z uniformly and estimate P&lt;sub&gt;k&lt;/sub&gt; = |Z| (1/k) Σ p(x, z&lt;sub&gt;i&lt;/sub&gt;): unbiased, but few z explain x, so most draws add nothing and the estimate jumps (seed 000, first attempt). &lt;b&gt;Importance sampling&lt;/b&gt; (orange): draw z ~ q near the posterior, P&lt;sub&gt;k&lt;/sub&gt; = (1/k) Σ p(x, z&lt;sub&gt;i&lt;/sub&gt;)/q(z&lt;sub&gt;i&lt;/sub&gt;) (second attempt). With q the exact posterior every weight equals p(x): zero variance.&lt;/p&gt;&lt;p&gt;Both spreads fall as 1/√k; importance sampling starts far lower. log P&lt;sub&gt;k&lt;/sub&gt; is biased down (Jensen): its mean is the IWAE bound L&lt;sub&gt;k&lt;/sub&gt;, rising with k toward log p(x); L&lt;sub&gt;1&lt;/sub&gt; is the ELBO. The plot shows the mean over the chains, an estimate of L&lt;sub&gt;k&lt;/sub&gt;, with ± 2 standard errors dashed: by chance it may lie a little above log p(x), within its band.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这里 p(x) = Σ&lt;sub&gt;z&lt;/sub&gt; p(x, z) 可以精确算出。&lt;b&gt;朴素蒙特卡洛&lt;/b&gt;（蓝）：均匀地抽取 z，估计 P&lt;sub&gt;k&lt;/sub&gt; = |Z| (1/k) Σ p(x, z&lt;sub&gt;i&lt;/sub&gt;)：无偏，但能解释 x 的 z 很少，大多数抽样毫无贡献，估计忽高忽低（讲义 000，第一次尝试）。&lt;b&gt;重要性采样&lt;/b&gt;（橙）：在后验附近抽取 z ~ q，P&lt;sub&gt;k&lt;/sub&gt; = (1/k) Σ p(x, z&lt;sub&gt;i&lt;/sub&gt;)/q(z&lt;sub&gt;i&lt;/sub&gt;)（第二次尝试）。q 为精确后验时，每个权重都等于 p(x)：方差为零。&lt;/p&gt;&lt;p&gt;两者的离散程度都按 1/√k 下降；重要性采样从低得多的地方开始。log P&lt;sub&gt;k&lt;/sub&gt; 向下有偏（Jensen 不等式）：它的均值是 IWAE 下界 L&lt;sub&gt;k&lt;/sub&gt;，随 k 增大趋向 log p(x)；L&lt;sub&gt;1&lt;/sub&gt; 就是 ELBO。图中是链间的平均，即 L&lt;sub&gt;k&lt;/sub&gt; 的估计，虚线为 ± 2 个标准误：它可能偶然略高于 log p(x)，但在误差带之内。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The vae model&lt;/b&gt;, unlike the others below, has no exact p(x): x is a digits test image and p(x) = ∫ p(x | z) N(z; 0, I) dz under the shipped VAE. The dashed line is an estimate (IWAE with 10⁵ draws from the encoder&apos;s q; its standard error is in the status line). The naive chains draw z from the prior; q = fitted is the encoder&apos;s q(z | x).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;VAE 模型&lt;/b&gt;与下面其他模型不同，没有精确的 p(x)：x 是一张手写数字测试图像，p(x) = ∫ p(x | z) N(z; 0, I) dz 由随附的 VAE 给出。虚线是一个估计（IWAE，从编码器的 q 抽取 10⁵ 次；标准误在状态栏中）。朴素的链从先验抽取 z；q 为“拟合”时是编码器的 q(z | x)。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>exact p(x) = {p:.6g}</source>
        <translation>精确 p(x) = {p:.6g}</translation>
    </message>
    <message>
        <source>p(x) ≈ {p:.6g} (IWAE, k = 10⁵)</source>
        <translation>p(x) ≈ {p:.6g}（IWAE，k = 10⁵）</translation>
    </message>
    <message>
        <source>, an estimate: log ± {se:.2g}</source>
        <translation>，为估计值：log ± {se:.2g}</translation>
    </message>
    <message>
        <source>exact posterior p(z | x)</source>
        <translation>精确后验 p(z | x)</translation>
    </message>
    <message>
        <source>posterior (on a grid)</source>
        <translation>后验（网格上）</translation>
    </message>
    <message>
        <source>: −∞ (a chain has no hit yet)</source>
        <translation>：−∞（有一条链尚未命中）</translation>
    </message>
    <message>
        <source>: below the axis so far</source>
        <translation>：目前在坐标轴之下</translation>
    </message>
    <message>
        <source> (−∞ until k = {k}: a chain had no hit)</source>
        <translation>（k = {k} 之前为 −∞：有一条链未命中）</translation>
    </message>
    <message>
        <source> (below the axis until k = {k})</source>
        <translation>（k = {k} 之前在坐标轴之下）</translation>
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
    <name>VAEView</name>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>prior samples</source>
        <translation>先验样本</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>prior samples; reconstructions</source>
        <translation>先验样本；重构</translation>
    </message>
    <message>
        <source>latent space</source>
        <translation>潜空间</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>epoch {epoch} of {epochs}</source>
        <translation>第 {epoch} 轮，共 {epochs} 轮</translation>
    </message>
    <message>
        <source>PC {i} ({share:.0%} of the codes&apos; variance)</source>
        <translation>主成分 {i}（占编码方差的 {share:.0%}）</translation>
    </message>
    <message>
        <source>true path, encoded</source>
        <translation>真实路径的编码</translation>
    </message>
    <message>
        <source>Scatter colours</source>
        <translation>散点颜色</translation>
    </message>
    <message>
        <source>Pole and shadow: colour the codes by the light&apos;s θ or φ</source>
        <translation>杆与影：按光源的 θ 或 φ 给编码着色</translation>
    </message>
    <message>
        <source>colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>elevation θ</source>
        <translation>仰角 θ</translation>
    </message>
    <message>
        <source>azimuth φ</source>
        <translation>方位角 φ</translation>
    </message>
    <message>
        <source>each test code in its label&apos;s colour, the label at their median</source>
        <translation>每个测试编码以其标签的颜色显示，标签写在中位数处</translation>
    </message>
    <message>
        <source>{name} of the light: {low:.0f}° (purple) to {high:.0f}° (yellow)</source>
        <translation>光源的{name}：{low:.0f}°（紫）到 {high:.0f}°（黄）</translation>
    </message>
    <message>
        <source>losses (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>nats per image</source>
        <translation>每张图像的奈特数</translation>
    </message>
    <message>
        <source>test −ELBO</source>
        <translation>测试 −ELBO</translation>
    </message>
    <message>
        <source>test −reconstruction</source>
        <translation>测试 −重构</translation>
    </message>
    <message>
        <source>test KL</source>
        <translation>测试 KL</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>nats per image ({likelihood})</source>
        <translation>每张图像的奈特数（{likelihood}）</translation>
    </message>
    <message>
        <source>Latent space: the model&apos;s test codes (PCA for L &gt; 2) and the decoded grid over their range. Training: its losses per epoch; samples from the prior and test images above their reconstructions. Evaluation, when training ends: the VAE&apos;s test log p(x) by importance sampling with the encoder as proposal, the IWAE bounds L_k rising with k toward log p(x) (the band: ± 2 standard errors over the test images). Two estimates of one ELBO: the status line&apos;s test-set ELBO draws one z an image and takes the KL exactly; L₁ is the ELBO by the IWAE&apos;s own draws, so the two differ by Monte Carlo noise. And for the test image `image`, its own q fitted by gradient ascent: ELBO(encoder&apos;s q) ≤ ELBO(own q) ≤ L_k, the amortisation gap. Click a code to choose that image.</source>
        <translation>潜空间：模型的测试编码（L &gt; 2 时为 PCA）及其范围上的解码网格。训练：每轮的损失；先验样本，以及测试图像及其下方的重构。评估（训练结束时）：以编码器为提议分布，用重要性采样估计 VAE 的测试 log p(x)，IWAE 下界 L_k 随 k 增大趋向 log p(x)（误差带：测试图像间 ± 2 个标准误）。同一个 ELBO 的两个估计：状态栏中的测试集 ELBO 每张图像抽一个 z，KL 精确计算；L₁ 是用 IWAE 自己的抽样算的 ELBO，两者相差蒙特卡洛噪声。对于测试图像 `image`，用梯度上升单独拟合它自己的 q：ELBO(编码器的 q) ≤ ELBO(自己的 q) ≤ L_k，即摊销差距。点击一个编码可选择那张图像。</translation>
    </message>
    <message>
        <source>encoder&apos;s q</source>
        <translation>编码器的 q</translation>
    </message>
    <message>
        <source>own q</source>
        <translation>自己的 q</translation>
    </message>
    <message>
        <source>ELBO, encoder&apos;s q</source>
        <translation>ELBO，编码器的 q</translation>
    </message>
    <message>
        <source>ELBO, own q</source>
        <translation>ELBO，自己的 q</translation>
    </message>
    <message>
        <source>test log p(x) ≥ L_k (IWAE)</source>
        <translation>测试 log p(x) ≥ L_k (IWAE)</translation>
    </message>
    <message>
        <source>mean L_k, nats</source>
        <translation>L_k 的平均，奈特</translation>
    </message>
    <message>
        <source>codes (click one)</source>
        <translation>编码（点击一个）</translation>
    </message>
    <message>
        <source>decoded grid</source>
        <translation>解码网格</translation>
    </message>
    <message>
        <source>the amortisation gap</source>
        <translation>摊销差距</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>± 2 standard errors over the test images</source>
        <translation>测试图像间 ± 2 个标准误</translation>
    </message>
    <message>
        <source>mean L_k over {n} test images: {value:.3f}</source>
        <translation>{n} 张测试图像上 L_k 的平均：{value:.3f}</translation>
    </message>
    <message>
        <source>L₁, the ELBO by these draws: {value:.3f}</source>
        <translation>L₁，用这些抽样算的 ELBO：{value:.3f}</translation>
    </message>
    <message>
        <source>IWAE: mean L_k to k = {k:,}, band ± 2 s.e.</source>
        <translation>IWAE：到 k = {k:,} 的 L_k 平均，误差带 ± 2 个标准误</translation>
    </message>
    <message>
        <source>IWAE: none for an autoencoder</source>
        <translation>IWAE：自编码器没有</translation>
    </message>
    <message>
        <source>IWAE: when training ends</source>
        <translation>IWAE：训练结束时</translation>
    </message>
    <message>
        <source>reconstructed</source>
        <translation>重构</translation>
    </message>
    <message>
        <source>test images; reconstructions</source>
        <translation>测试图像；重构</translation>
    </message>
    <message>
        <source>{name}: {value:.3f}, ± 2 s.e. = ± {error:.3f}</source>
        <translation>{name}：{value:.3f}，± 2 个标准误 = ± {error:.3f}</translation>
    </message>
    <message>
        <source>amortisation gap, test image {image}: bars ± 2 s.e.</source>
        <translation>摊销差距，测试图像 {image}：误差棒 ± 2 个标准误</translation>
    </message>
    <message>
        <source>amortisation gap: at the end</source>
        <translation>摊销差距：最后计算</translation>
    </message>
    <message>
        <source>no ELBO</source>
        <translation>没有 ELBO</translation>
    </message>
    <message>
        <source>test-set ELBO {elbo:.3f} nats ({likelihood}; a draw an image, KL exact)</source>
        <translation>测试集 ELBO {elbo:.3f} 奈特（{likelihood}；每张图像抽一次，KL 精确）</translation>
    </message>
    <message>
        <source>test reconstruction {recon:.3f} nats ({likelihood})</source>
        <translation>测试重构 {recon:.3f} 奈特（{likelihood}）</translation>
    </message>
    <message>
        <source>test log p(x) ≥ L_{k} = {value:.3f}</source>
        <translation>测试 log p(x) ≥ L_{k} = {value:.3f}</translation>
    </message>
    <message>
        <source>image {image}: its own q gains {gap:.3f} nats over the encoder&apos;s (the amortisation gap)</source>
        <translation>图像 {image}：它自己的 q 比编码器的 q 高 {gap:.3f} 奈特（摊销差距）</translation>
    </message>
    <message>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} 秒</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <source>seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>torch device chosen by engine.device (auto: CUDA when present, else CPU)</source>
        <translation>引擎选定的计算设备（自动：有 CUDA 时用 CUDA，否则用 CPU）</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <source>Presentation: Space step · R run or pause · Esc cancel · ← → history · F5 back</source>
        <translation>演示模式：Space 单步 · R 运行或暂停 · Esc 取消 · ← → 历史 · F5 返回</translation>
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
    <message>
        <source>Internal error: {error} (details in the error log)</source>
        <translation>内部错误：{error}（详情见错误日志）</translation>
    </message>
    <message>
        <source>The previous run of LVM Lab ended abnormally; its crash log is {where}</source>
        <translation>LVM Lab 上次运行异常结束；崩溃日志在 {where}</translation>
    </message>
    <message>
        <source>The previous run of LVM Lab ended abnormally (killed, without a crash log)</source>
        <translation>LVM Lab 上次运行异常结束（被终止，没有崩溃日志）</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
</context>
</TS>
