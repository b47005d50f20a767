<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoundaryPage</name>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="200"/>
        <source>low value</source>
        <translation>低值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="200"/>
        <source>high value</source>
        <translation>高值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="202"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="204"/>
        <source>training point</source>
        <translation>训练数据点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="205"/>
        <source>test point</source>
        <translation>测试数据点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="283"/>
        <source>Predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="285"/>
        <source>Probability of class 1</source>
        <translation>类别 1 的概率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="286"/>
        <source>Winning class, shaded by confidence</source>
        <translation>预测类别，颜色深浅表示置信度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="318"/>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="329"/>
        <location filename="../../playground/ui/views/boundary.py" line="366"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="333"/>
        <source>P(class 1)</source>
        <translation>P(类别 1)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="335"/>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="355"/>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="360"/>
        <source>Layer %1, neuron %2: its activation</source>
        <translation>第 %1 层第 %2 个神经元的激活值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="366"/>
        <source>Output: the predicted value</source>
        <translation>输出：预测值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="367"/>
        <source>P(class %1)</source>
        <translation>P(类别 %1)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="368"/>
        <source>Output class %1: its probability</source>
        <translation>输出：类别 %1 的概率</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../playground/ui/controls.py" line="67"/>
        <source>(custom)</source>
        <translation>（自定义）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="71"/>
        <source>Load a ready-made preset: dataset, network and training settings (lessons: the Lessons menu)</source>
        <translation>加载现成的预设：数据集、网络结构和训练设置（课程在“课程”菜单里）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="74"/>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="78"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="84"/>
        <source>Which data the network learns from</source>
        <translation>网络要学习的数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="85"/>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="88"/>
        <source>Noise added to the synthetic datasets (0 to 0.5)</source>
        <translation>给合成数据集加入的噪声（0 到 0.5）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="90"/>
        <source>&amp;Noise</source>
        <translation>噪声(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="93"/>
        <source>Share of the data used for training; the rest tests the network</source>
        <translation>用于训练的数据比例，其余数据用来测试网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="95"/>
        <source>Trai&amp;n split</source>
        <translation>训练集比例(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="99"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="102"/>
        <source>e.g. 8, 8 (empty: no hidden layer)</source>
        <translation>例如 8, 8（留空：无隐藏层）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="104"/>
        <source>Neurons per hidden layer, input to output: 0 to {0} layers of 1 to {1} neurons</source>
        <translation>从输入到输出，每个隐藏层的神经元数：0 到 {0} 层，每层 1 到 {1} 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="108"/>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="110"/>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="111"/>
        <source>&amp;Hidden layers</source>
        <translation>隐藏层(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="116"/>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="126"/>
        <source>The non-linearity between layers</source>
        <translation>层与层之间的非线性函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="127"/>
        <source>&amp;Activation</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="131"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="135"/>
        <source>Learning rate on a log scale; can change while training</source>
        <translation>学习率（对数刻度），训练过程中也可以调整</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="140"/>
        <source>Learning rate, 0.00001 to 10; takes effect at the next step</source>
        <translation>学习率，0.00001 到 10，从下一步起生效</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="141"/>
        <source>Learning &amp;rate</source>
        <translation>学习率(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="146"/>
        <source>How the gradients move the weights: optimizer.step()</source>
        <translation>如何用梯度更新权重：optimizer.step()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="147"/>
        <source>&amp;Optimizer</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="150"/>
        <source>Passes over the training data</source>
        <translation>完整遍历训练集的次数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="151"/>
        <source>&amp;Epochs</source>
        <translation>轮数(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="154"/>
        <source>Samples per mini-batch: one optimizer step each</source>
        <translation>每个小批量的样本数：每个小批量执行一次 optimizer.step()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="155"/>
        <source>&amp;Batch size</source>
        <translation>批大小(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="160"/>
        <source>L2 penalty on the weights, 0 to 1</source>
        <translation>对权重的 L2 惩罚，0 到 1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="161"/>
        <source>&amp;Weight decay</source>
        <translation>权重衰减(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="164"/>
        <source>Random seed: the same seed gives the same data, start and run</source>
        <translation>随机种子：相同的种子得到相同的数据、初始权重和训练过程</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="165"/>
        <source>See&amp;d</source>
        <translation>随机种子(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="169"/>
        <source>Where the tensors live: .to(device). Only devices present are listed</source>
        <translation>张量所在的设备：.to(device)。只列出本机可用的设备</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="170"/>
        <source>De&amp;vice</source>
        <translation>设备(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="243"/>
        <source>This lesson fixes this setting.</source>
        <translation>此项设置由本课程固定。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="326"/>
        <source>Neurons in hidden layer {0}</source>
        <translation>第 {0} 个隐藏层的神经元数</translation>
    </message>
</context>
<context>
    <name>DigitsPage</name>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="52"/>
        <location filename="../../playground/ui/views/digits.py" line="82"/>
        <source>predicted digit</source>
        <translation>预测数字</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="53"/>
        <location filename="../../playground/ui/views/digits.py" line="83"/>
        <source>true digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="35"/>
        <source>Test images, predicted</source>
        <translation>测试图像及预测结果</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="35"/>
        <source>Confusion matrix (test&#xa0;set)</source>
        <translation>混淆矩阵（测⁠试⁠集）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="98"/>
        <source>Digits: what it confuses</source>
        <translation>手写数字：哪些容易混淆</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="112"/>
        <source>correct (diagonal)</source>
        <translation>正确（对角线）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="113"/>
        <source>confused</source>
        <translation>混淆</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="114"/>
        <source>wrong: predicted ≠ true</source>
        <translation>错误：预测 ≠ 真实</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <location filename="../../playground/ui/client.py" line="151"/>
        <source>Starting the training process (loading PyTorch)...</source>
        <translation>正在启动训练进程（加载 PyTorch）...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/client.py" line="271"/>
        <source>Training runs in the window&apos;s own thread: no training process could start (details on the console). Live views may slow training down.</source>
        <translation>训练在窗口自身的线程中运行：无法启动训练进程（详情见控制台）。实时视图可能会拖慢训练。</translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <location filename="../../playground/ui/files.py" line="63"/>
        <source>Save this session?</source>
        <translation>保存此会话？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="64"/>
        <source>The network has trained {0} steps that are not saved. Save the session to continue next time?</source>
        <translation>网络已训练 {0} 步，尚未保存。保存会话，下次接着训练吗？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="104"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="104"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="115"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="123"/>
        <location filename="../../playground/ui/files.py" line="124"/>
        <source>Exporting {0}...</source>
        <translation>正在导出 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="126"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="130"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="135"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="136"/>
        <source>Playground session (*{0})</source>
        <translation>Playground 会话 (*{0})</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="139"/>
        <source>Saving {0}...</source>
        <translation>正在保存 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="141"/>
        <source>Saving the session failed</source>
        <translation>保存会话失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="144"/>
        <source>Saved session {0}</source>
        <translation>已保存会话 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="151"/>
        <source>Open session or config</source>
        <translation>打开会话或配置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="152"/>
        <source>Sessions and configs (*{0} *.json);;All files (*)</source>
        <translation>会话和配置 (*{0} *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="163"/>
        <location filename="../../playground/ui/files.py" line="167"/>
        <source>Cannot open config</source>
        <translation>无法打开配置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="165"/>
        <location filename="../../playground/ui/files.py" line="171"/>
        <source>Opening {0}...</source>
        <translation>正在打开 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="169"/>
        <source>Loaded config {0}</source>
        <translation>已加载配置 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="173"/>
        <source>Cannot open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="177"/>
        <source>Opened session {0}: step {1}, epoch {2}</source>
        <translation>已打开会话 {0}：第 {1} 步，第 {2} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="182"/>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="183"/>
        <source>Weights (*.safetensors *.pt);;All files (*)</source>
        <translation>权重 (*.safetensors *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="190"/>
        <source>Loading {0}...</source>
        <translation>正在加载 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="192"/>
        <source>Cannot import weights</source>
        <translation>无法导入权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="194"/>
        <source>Loaded weights from {0}</source>
        <translation>已从 {0} 加载权重</translation>
    </message>
</context>
<context>
    <name>GradientLegend</name>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="273"/>
        <source>Node color and edge width: the norm of the gradient flowing back through it (log scale)</source>
        <translation>节点颜色和连线粗细：反向传播时流经它的梯度的范数（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="278"/>
        <source>|grad| (log)</source>
        <translation>|grad| (对数)</translation>
    </message>
</context>
<context>
    <name>GraphInspector</name>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="119"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="120"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="167"/>
        <source>Inspector</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="168"/>
        <source>Click a node to see its op, shapes, values and gradients.</source>
        <translation>点击一个节点，查看它的运算、形状、数值和梯度。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="175"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="175"/>
        <source>parameter (leaf)</source>
        <translation>参数（叶子节点）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="179"/>
        <source>Op</source>
        <translation>运算</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="180"/>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="184"/>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="185"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="185"/>
        <source>Output</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="187"/>
        <source>Saved {0}</source>
        <translation>保存的 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="189"/>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="190"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="190"/>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="190"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="191"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="195"/>
        <source>Grad mean / std</source>
        <translation>梯度均值 / 标准差</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="197"/>
        <source>|grad| {0}, mean {1}</source>
        <translation>|grad| {0}，均值 {1}</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="75"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="76"/>
        <source>Fit the whole graph into view</source>
        <translation>缩放视图，显示整个计算图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="80"/>
        <source>Lay the graph out top to bottom or left to right</source>
        <translation>计算图的排列方向：从上到下或从左到右</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="84"/>
        <source>Show every autograd node, or one box per layer</source>
        <translation>显示每个自动求导节点，或每层合成一个方框</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="111"/>
        <source>Click a node to inspect it; wheel to zoom, drag to pan</source>
        <translation>点击节点查看详情；滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="242"/>
        <source>step {0} · {1} nodes</source>
        <translation>第&#xa0;{0}&#xa0;步&#xa0;· {1}&#xa0;个⁠节⁠点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="323"/>
        <source>shape {0}</source>
        <translation>形状 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="325"/>
        <source>|grad| {0}</source>
        <translation>|grad| {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="327"/>
        <source>mean {0}, std {1}</source>
        <translation>均值 {0}，标准差 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="358"/>
        <source>Left → right</source>
        <translation>左 → 右</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="359"/>
        <source>Top ↓ bottom</source>
        <translation>上 ↓ 下</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="360"/>
        <source>One box per layer</source>
        <translation>每层一个方框</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="361"/>
        <location filename="../../playground/ui/views/graph_view.py" line="411"/>
        <source>Autograd graph</source>
        <translation>自动求导图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="380"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="380"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="381"/>
        <source>Graphviz DOT (*.dot)</source>
        <translation>Graphviz DOT 文件 (*.dot)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="382"/>
        <source>Export graph</source>
        <translation>导出计算图</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="247"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="247"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="248"/>
        <source>Export as Graphviz DOT…</source>
        <translation>导出为 Graphviz DOT…</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../playground/ui/help.py" line="18"/>
        <source>&lt;h3&gt;First steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Pick a lesson&lt;/b&gt; from the Lessons menu, or a preset in the Lesson box on the left.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Predict&lt;/b&gt;: will this network learn the data? How fast?&lt;/li&gt;&lt;li&gt;Press &lt;b&gt;Train&lt;/b&gt; (Space). Press it again to pause; &lt;b&gt;Step&lt;/b&gt; (N) trains one mini-batch, also while paused.&lt;/li&gt;&lt;li&gt;Change the &lt;b&gt;learning rate&lt;/b&gt; while it trains and watch the loss. Change the data or the layers and a new network starts; Edit &amp;gt; Bring back (Ctrl+Z) returns to the trained one.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;What each view shows&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Loss&lt;/b&gt;: the loss on the training and test data after each epoch, and each step&apos;s loss. Falling means learning; a gap between train and test means overfitting.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Computation graph&lt;/b&gt;: the real autograd graph that &lt;code&gt;loss.backward()&lt;/code&gt; walks, from &lt;code&gt;loss.grad_fn&lt;/code&gt; back to every weight. Colors show how large the gradient flowing through each operation is. Click a node for its numbers.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Output&lt;/b&gt;: what the network predicts over the whole input plane (the decision boundary), with the training and test points on top.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Network&lt;/b&gt;: every neuron with a picture of what it computes; edges are weights (blue positive, orange negative, thicker is larger). Hover a neuron to see it large.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Slow motion: the Speed box runs a few steps a second so a class can follow. View &amp;gt; Presenter mode (F11) makes everything large for a projector; Ctrl++ and Ctrl+- zoom.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;入门指南&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;选择一个课程&lt;/b&gt;：从“课程”菜单中选，或在左侧的“课程”框中选一个预设。&lt;/li&gt;&lt;li&gt;&lt;b&gt;先预测&lt;/b&gt;：这个网络能学会这些数据吗？要学多快？&lt;/li&gt;&lt;li&gt;点击&lt;b&gt;训练&lt;/b&gt;（空格键），再点一次即可暂停；&lt;b&gt;单步&lt;/b&gt;（N）训练一个小批量，暂停时也可以用。&lt;/li&gt;&lt;li&gt;训练过程中调整&lt;b&gt;学习率&lt;/b&gt;，观察损失的变化。更改数据或网络层会重新开始一个新网络；按 Ctrl+Z（编辑 &amp;gt; 恢复训练过的网络）可以找回刚才训练的那个。&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;各个视图显示什么&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;损失&lt;/b&gt;：每轮结束后训练集和测试集上的损失，以及每一步的损失。损失下降说明网络在学习；训练集和测试集的损失拉开差距，说明出现了过拟合。&lt;/li&gt;&lt;li&gt;&lt;b&gt;计算图&lt;/b&gt;：&lt;code&gt;loss.backward()&lt;/code&gt; 真正遍历的自动求导图，从 &lt;code&gt;loss.grad_fn&lt;/code&gt; 一直回溯到每个权重。颜色表示流经每个运算的梯度有多大。点击节点可查看它的数值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;输出&lt;/b&gt;：网络在整个输入平面上的预测（即决策边界），上面叠加着训练集和测试集的数据点。&lt;/li&gt;&lt;li&gt;&lt;b&gt;网络&lt;/b&gt;：每个神经元都配有一张小图，显示它计算的结果；连线就是权重（蓝色为正，橙色为负，越粗表示绝对值越大）。把鼠标停在神经元上可以看到放大的图。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;慢动作：“速度”框可以让训练每秒只走几步，方便全班跟上。视图 &amp;gt; 演示模式（F11）会把所有内容放大，适合投影；Ctrl++ 和 Ctrl+- 可以缩放。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="44"/>
        <source>First steps</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="52"/>
        <location filename="../../playground/ui/help.py" line="72"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="76"/>
        <source>&lt;b&gt;PyTorch Playground {0}&lt;/b&gt;&lt;p&gt;Watch real PyTorch train a neural network: the training loop, the autograd graph and what the network learns.&lt;/p&gt;</source>
        <translation>&lt;b&gt;PyTorch Playground {0}&lt;/b&gt;&lt;p&gt;看真实的 PyTorch 如何训练神经网络：训练循环、自动求导计算图，以及网络学到了什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="76"/>
        <source>About PyTorch Playground</source>
        <translation>关于 PyTorch Playground</translation>
    </message>
</context>
<context>
    <name>LessonFlow</name>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="47"/>
        <source>Open lesson &amp;file...</source>
        <translation>打开课程文件(&amp;F)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="48"/>
        <source>Open the &amp;user lessons folder</source>
        <translation>打开用户课程文件夹(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="49"/>
        <source>&amp;Close lesson</source>
        <translation>关闭课程(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="55"/>
        <source>Skipped a lesson file: {0}</source>
        <translation>已跳过一个课程文件：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="58"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="59"/>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="76"/>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="86"/>
        <source>Lesson: {0}</source>
        <translation>课程：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="109"/>
        <source>Goal reached!</source>
        <translation>目标达成！</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="131"/>
        <source>Last run: {0}</source>
        <translation>上次训练：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="146"/>
        <source>Goal: {0}</source>
        <translation>目标：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="148"/>
        <source>Goal reached ✓</source>
        <translation>目标已达成 ✓</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="167"/>
        <source>Checked when a run finishes</source>
        <translation>每次训练结束时检查</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="94"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="260"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="96"/>
        <source>train (per step)</source>
        <translation>训练集（每步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="98"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="102"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="238"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="99"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="103"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="238"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="100"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="260"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="106"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="107"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="108"/>
        <source>&amp;Log scale</source>
        <translation>对数坐标(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="109"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="111"/>
        <source>Per &amp;step</source>
        <translation>每步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="112"/>
        <source>Also draw the loss of every mini-batch (lighter)</source>
        <translation>同时画出每个小批量的损失（颜色较浅）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="121"/>
        <source>Values under the mouse</source>
        <translation>鼠标所指位置的数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="124"/>
        <source>Point at the curves to read their values</source>
        <translation>鼠标指向曲线即可读取数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="240"/>
        <source>train, per step</source>
        <translation>训⁠练⁠集⁠（每⁠步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="282"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="303"/>
        <source>epoch {0}: train loss {1:.4f}, test loss {2:.4f}</source>
        <translation>第 {0} 轮：训练损失 {1:.4f}，测试损失 {2:.4f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="283"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="306"/>
        <source>, test accuracy {0:.1%}</source>
        <translation>，测试准确率 {0:.1%}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/ui/main_window.py" line="47"/>
        <source>PyTorch Playground</source>
        <translation>PyTorch Playground</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="293"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="124"/>
        <location filename="../../playground/ui/main_window.py" line="253"/>
        <source>epoch %v of %m</source>
        <translation>第 %v / %m 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="229"/>
        <source>New network. The trained one ({0} steps) is kept: Edit &gt; Bring back (Ctrl+Z)</source>
        <translation>已新建网络。训练过的网络（{0} 步）仍保留：编辑 &gt; 恢复（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="325"/>
        <source>Training stopped because of an unexpected error; the network is as it was after the last finished run. Details: {0}</source>
        <translation>训练因意外错误而停止；网络已回到上一次训练结束时的状态。详情：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="224"/>
        <source>Brought back the trained network ({0} steps)</source>
        <translation>已恢复训练过的网络（{0} 步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="292"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="292"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="209"/>
        <source>step {0} - epoch {1}</source>
        <translation>第 {0} 步 - 第 {1} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="127"/>
        <location filename="../../playground/ui/main_window.py" line="267"/>
        <location filename="../../playground/ui/main_window.py" line="414"/>
        <source>step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}</source>
        <translation>第 {0} 步 - {1:.0f} 步/秒 - 已用 {2}:{3:02d} - 学习率 {4:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="253"/>
        <source>epoch %v, until paused</source>
        <translation>第 %v 轮，直到暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="256"/>
        <source>Epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="280"/>
        <source>train loss {0:.4f}   test loss {1:.4f}</source>
        <translation>训练损失 {0:.4f}   测试损失 {1:.4f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="282"/>
        <source>   train accuracy {0:.1%}   test accuracy {1:.1%}</source>
        <translation>   训练准确率 {0:.1%}   测试准确率 {1:.1%}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="304"/>
        <source>Paused: press Space or Resume to go on, N for one step</source>
        <translation>已暂停：按空格键或“继续”接着训练，按 N 单步训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="322"/>
        <source>Training stopped because of an unexpected error; the weights so far are kept. Details: {0}</source>
        <translation>训练因意外错误而停止；已保留目前的权重。详情：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="338"/>
        <source>Training diverged at step {0}: the loss blew up (too large, or not a number), so training stopped and the last good weights were kept. Try a lower learning rate, e.g. {1:g}, then press Reset.</source>
        <translation>训练在第 {0} 步发散：损失爆炸了（数值过大或不是数字），因此训练已停止，并保留了最后一组正常的权重。请尝试更小的学习率，例如 {1:g}，然后点击“重置”。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="343"/>
        <source>Stopped after {0} steps</source>
        <translation>已停止，共训练 {0} 步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="345"/>
        <source>Finished {0} epochs in {1:.1f} s</source>
        <translation>已完成 {0} 轮训练，用时 {1:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/busy.py" line="21"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="43"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="45"/>
        <source>&amp;Open session or config...</source>
        <translation>打开会话或配置(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="46"/>
        <source>Open &amp;lesson file...</source>
        <translation>打开课程文件(&amp;L)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="47"/>
        <source>&amp;Save session...</source>
        <translation>保存会话(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="49"/>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="50"/>
        <source>&amp;Import weights...</source>
        <translation>导入权重(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="52"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="55"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="56"/>
        <source>&amp;Bring back the trained network</source>
        <translation>恢复训练过的网络(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="58"/>
        <source>Undo the settings change that started a new network</source>
        <translation>撤销导致新建网络的那次设置更改</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="60"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="61"/>
        <source>Train / Pause / Resume</source>
        <translation>训练 / 暂停 / 继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="62"/>
        <source>One step</source>
        <translation>单步训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="63"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="64"/>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="68"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="72"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="73"/>
        <source>&amp;Live graph and output while training</source>
        <translation>训练时实时更新计算图和输出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="75"/>
        <source>Update the graph, output and network views during training; off trains faster on slow computers and shows them when training stops</source>
        <translation>训练期间实时更新计算图、输出和网络视图；关闭后在较慢的电脑上训练更快，训练停止时再显示这些视图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="78"/>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="80"/>
        <source>Full screen, large text and lines, high contrast, a big epoch counter</source>
        <translation>全屏显示，字号更大、线条更粗、对比度更高，并用大字显示当前轮数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="82"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="83"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="84"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="85"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="98"/>
        <source>Maximize {0}</source>
        <translation>最大化“{0}”</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="104"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="106"/>
        <source>&amp;First steps</source>
        <translation>入门指南(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="107"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="110"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="111"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="126"/>
        <source>%1 more neurons, not drawn so the picture stays readable</source>
        <translation>另有 %1 个神经元未画出，以免图示过于拥挤</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="148"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="148"/>
        <source>In</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="150"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="150"/>
        <source>Out</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="152"/>
        <source>Hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="152"/>
        <source>H%1</source>
        <translation>隐%1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="153"/>
        <source>%1 neurons</source>
        <translation>%1 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="153"/>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="317"/>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="319"/>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="320"/>
        <source>hidden layer %1, neuron %2</source>
        <translation>隐藏层 %1 的神经元 %2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="330"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="333"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="389"/>
        <source>The network appears here</source>
        <translation>网络结构将显示在这里</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="147"/>
        <source>bias (fc%1.bias[%2]) = %3</source>
        <translation>偏置 (fc%1.bias[%2]) = %3</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="150"/>
        <source>the picture: this neuron&apos;s output over the input plane</source>
        <translation>图示：该神经元在整个输入平面上的输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="193"/>
        <source>(not trained yet)</source>
        <translation>（尚未训练）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="194"/>
        <source>from %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../playground/ui/views/output.py" line="180"/>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="182"/>
        <source>Draw the held-out test points too (diamonds)</source>
        <translation>同时画出留作测试的数据点（菱形）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="184"/>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="185"/>
        <source>Paint only the decision, not how sure the network is</source>
        <translation>只画出分类结果，不显示网络的置信度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="198"/>
        <source>Choose a dataset and press Train to see what the network learns.</source>
        <translation>选择一个数据集并点击“训练”，看看网络学到了什么。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="214"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="289"/>
        <source>Not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="375"/>
        <source>step %1 · epoch %2</source>
        <translation>第 %1 步 · 第 %2 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="376"/>
        <source>test accuracy %1%</source>
        <translation>测试准确率 %1%</translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <location filename="../../playground/ui/panes.py" line="27"/>
        <source>Maximize this view (click again to restore)</source>
        <translation>最大化此视图（再次点击恢复）</translation>
    </message>
</context>
<context>
    <name>ProjectionPage</name>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="52"/>
        <source>principal axis 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="53"/>
        <source>principal axis 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="70"/>
        <source>Predictions, 2-D projection</source>
        <translation>预测结果（二维投影）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="101"/>
        <source>low prediction</source>
        <translation>预测值低</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="102"/>
        <source>high prediction</source>
        <translation>预测值高</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="105"/>
        <source>predicted class %1</source>
        <translation>预测类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="107"/>
        <source>wrong</source>
        <translation>预测错误</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="108"/>
        <source>training point</source>
        <translation>训练数据点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="109"/>
        <source>test point</source>
        <translation>测试数据点</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="40"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="41"/>
        <source>Start training (Space); while training: pause and resume</source>
        <translation>开始训练（空格键）；训练中：暂停 / 继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="42"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="43"/>
        <source>Train on one mini-batch: forward, backward, step (N); also while paused</source>
        <translation>用一个小批量训练一次：前向传播、反向传播、更新参数（N）；暂停时也可用</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="44"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="45"/>
        <source>Stop training (Esc); the weights are kept</source>
        <translation>停止训练（Esc），保留当前权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="46"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="47"/>
        <source>New initial weights from the seed (R); the same seed gives the same start</source>
        <translation>按随机种子重新初始化权重（R）；相同的种子得到相同的初始权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="48"/>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="50"/>
        <source>Save the trained weights (.safetensors, .pt), the model (.onnx, .pt2), a script that reproduces the run (.py), the config (.json) or the whole session (Ctrl+E)</source>
        <translation>保存训练好的权重（.safetensors、.pt）、模型（.onnx、.pt2）、复现本次训练的脚本（.py）、配置（.json）或整个会话（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="65"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message numerus="yes">
        <location filename="../../playground/ui/sidebar.py" line="66"/>
        <source>%n step(s) a second</source>
        <translation>
            <numerusform>每秒 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="67"/>
        <source>Slow motion for a demo: at most this many training steps a second</source>
        <translation>演示用的慢动作：每秒最多训练这么多步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="68"/>
        <source>Until paused</source>
        <translation>直到暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="69"/>
        <source>Train on and on, past the set number of epochs, until you pause</source>
        <translation>不受设定轮数的限制，一直训练，直到你暂停为止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="72"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
</context>
<context>
    <name>ViewArea</name>
    <message>
        <location filename="../../playground/ui/panes.py" line="48"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/panes.py" line="49"/>
        <source>Computation graph (loss.grad_fn)</source>
        <translation>计算图（loss.grad_fn）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/panes.py" line="50"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/panes.py" line="51"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../playground/cli.py" line="119"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="137"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="138"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="141"/>
        <source>show this help message and exit</source>
        <translation>显示本帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="150"/>
        <source>{0} or {1}</source>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="157"/>
        <source>start from a preset (see `playground presets`)</source>
        <translation>从一个预设开始（见 `playground presets`）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="158"/>
        <source>start from a saved config</source>
        <translation>从保存的配置开始</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="159"/>
        <source>dataset name (see `playground presets`)</source>
        <translation>数据集名称（见 `playground presets`）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="160"/>
        <source>hidden layer sizes, e.g. &quot;8,8&quot;; &quot;&quot; for none</source>
        <translation>各隐藏层的大小，例如 &quot;8,8&quot;；&quot;&quot; 表示没有隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="162"/>
        <source>learning rate, 1e-5 to 10</source>
        <translation>学习率，1e-5 到 10</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="163"/>
        <source>epochs to train</source>
        <translation>训练的轮数</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="164"/>
        <source>mini-batch size</source>
        <translation>批大小（每个小批量的样本数）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="166"/>
        <source>L2 weight decay, 0 to 1</source>
        <translation>L2 权重衰减，0 到 1</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="167"/>
        <source>dataset noise, 0 to 0.5</source>
        <translation>数据集噪声，0 到 0.5</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="168"/>
        <source>random seed: same seed, same run</source>
        <translation>随机种子：种子相同，训练过程就相同</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="169"/>
        <source>cpu, cuda:N or mps (only what is present)</source>
        <translation>设备：cpu、cuda:N 或 mps（仅限本机上有的）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="173"/>
        <source>Watch real PyTorch train a neural network.</source>
        <translation>观看真实的 PyTorch 训练一个神经网络。</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="175"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序的版本号并退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="177"/>
        <source>open the window with this preset</source>
        <translation>打开窗口，并载入这个预设</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="179"/>
        <source>open the window with this lesson (see `playground lessons`)</source>
        <translation>打开窗口，并载入这个课程（见 `playground lessons`）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="181"/>
        <source>open a saved session in the window</source>
        <translation>在窗口中打开保存的会话</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="183"/>
        <source>the window&apos;s language (default: the one chosen in View &gt; Language, else the system&apos;s)</source>
        <translation>窗口语言（默认用“视图 &gt; 语言”中的选择，否则跟随系统）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="186"/>
        <source>train offscreen to the end, save a PNG, exit</source>
        <translation>在屏幕外训练到结束，保存一张 PNG 图片后退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="188"/>
        <source>with --screenshot: epochs to train</source>
        <translation>与 --screenshot 一起使用：训练的轮数</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="191"/>
        <source>list the presets, one per line</source>
        <translation>列出所有预设，每行一个</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="192"/>
        <source>list the lessons (built-in and the user lessons folder), one per line</source>
        <translation>列出所有课程（内置的和用户课程文件夹里的），每行一个</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="195"/>
        <source>one JSON object per line: name, title, title_zh</source>
        <translation>每行一个 JSON 对象：name、title、title_zh</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="197"/>
        <source>train headless and print a summary</source>
        <translation>不打开窗口进行训练，并输出摘要</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="199"/>
        <source>print the summary as one JSON line on stdout</source>
        <translation>把摘要作为一行 JSON 输出到标准输出（stdout）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="201"/>
        <source>save the result; the extension picks the format (.safetensors .pt .onnx .pt2 .py .json or a session .pgsession); repeatable</source>
        <translation>导出结果；由扩展名决定格式（.safetensors .pt .onnx .pt2 .py .json，或会话文件 .pgsession）；可多次使用</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="204"/>
        <source>start from these weights (.safetensors or .pt)</source>
        <translation>从这些权重开始（.safetensors 或 .pt）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="206"/>
        <source>render the autograd graph of one forward+backward pass</source>
        <translation>绘制一次前向+反向传播的计算图（自动求导图）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="208"/>
        <source>output: .json, .svg, .png or .dot</source>
        <translation>输出文件：.json、.svg、.png 或 .dot</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="307"/>
        <source>skipped lesson: {0}</source>
        <translation>已跳过课程：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="357"/>
        <source>, test accuracy {0:.1%}</source>
        <translation>，测试准确率 {0:.1%}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="358"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="359"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="359"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="360"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="361"/>
        <source>{0}: {1} epochs, {2} steps on {3} in {4:.1f} s ({5:.0f} steps/s); test loss {6}{7}</source>
        <translation>{0}：{1} 轮，{2} 步，设备 {3}，用时 {4:.1f} 秒（每秒 {5:.0f} 步）；测试损失 {6}{7}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="365"/>
        <source>saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="367"/>
        <source>training diverged at step {0}: the loss blew up (too large, or not a number). Try a lower learning rate, e.g. --lr {1:g}</source>
        <translation>训练在第 {0} 步发散：损失爆炸了（变得过大，或不再是数值）。请尝试更小的学习率，例如 --lr {1:g}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="384"/>
        <source>saved {0}: {1} nodes, {2} edges</source>
        <translation>已保存 {0}：{1} 个节点，{2} 条边</translation>
    </message>
</context>
</TS>
