<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttentionPage</name>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="37"/>
        <source>Which test sequence to show: its attention weights come with the next snapshot</source>
        <translation>显示哪条测试序列：它的注意力权重随下一次快照送来</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="45"/>
        <source>Test sequence</source>
        <translation>测试序列</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="68"/>
        <source>Attention: where each position looks</source>
        <translation>注意力：每个位置在看哪里</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="71"/>
        <source>attention weight (0 to 1; rows: queries, columns: keys)</source>
        <translation>注意力权重（0 到 1；行：查询，列：键）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="73"/>
        <source>wrong token</source>
        <translation>错误的词元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="75"/>
        <source>B: block, H: head</source>
        <translation>块：注意力块，头：注意力头</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="108"/>
        <source>Train a step to see the attention weights.</source>
        <translation>训练一步，即可看到注意力权重。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="151"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="151"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="152"/>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="169"/>
        <source>head %1</source>
        <translation>第 %1 个头</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/attention_view.py" line="169"/>
        <source>B%1 H%2</source>
        <translation>块%1 头%2</translation>
    </message>
</context>
<context>
    <name>BoundaryPage</name>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="202"/>
        <source>low value</source>
        <translation>低值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="202"/>
        <source>high value</source>
        <translation>高值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="204"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="206"/>
        <source>training point</source>
        <translation>训练数据点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="207"/>
        <source>test point</source>
        <translation>测试数据点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="285"/>
        <source>Predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="287"/>
        <source>Probability of class 1</source>
        <translation>类别 1 的概率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="288"/>
        <source>Winning class, shaded by confidence</source>
        <translation>预测类别，颜色深浅表示置信度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="323"/>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="334"/>
        <location filename="../../playground/ui/views/boundary.py" line="376"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="338"/>
        <source>P(class 1)</source>
        <translation>P(类别 1)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="341"/>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="360"/>
        <location filename="../../playground/ui/views/boundary.py" line="365"/>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="370"/>
        <source>Layer %1, neuron %2: its activation</source>
        <translation>第 %1 层第 %2 个神经元的激活值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="376"/>
        <source>Output: the predicted value</source>
        <translation>输出：预测值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="377"/>
        <source>P(class %1)</source>
        <translation>P(类别 %1)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="378"/>
        <source>Output class %1: its probability</source>
        <translation>输出：类别 %1 的概率</translation>
    </message>
</context>
<context>
    <name>CNNPage</name>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="66"/>
        <source>Test images, predicted: click one to look inside</source>
        <translation>测试图像及其预测：单击一张查看网络内部</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="82"/>
        <source>Train a step to see the kernels and the feature maps.</source>
        <translation>训练一步，即可看到卷积核和特征图。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="119"/>
        <source>CNN: what the convolutions see</source>
        <translation>CNN：卷积层看到了什么</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="123"/>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="124"/>
        <source>positive (kernels and maps, each layer its own scale)</source>
        <translation>正（卷积核和特征图，每层各用自己的刻度）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="125"/>
        <source>wrong: predicted ≠ true</source>
        <translation>错误：预测 ≠ 真实</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="236"/>
        <source>Test image %1: true %2, predicted %3</source>
        <translation>测试图像 %1：真实 %2，预测 %3</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="244"/>
        <source>%1: %2 kernels %3x%3</source>
        <translation>%1：%2 个 %3x%3 卷积核</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="246"/>
        <source>(each averaged over its %1 inputs)</source>
        <translation>（每个对其 %1 个输入通道取平均）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/cnn_view.py" line="251"/>
        <source>%1: %2 feature maps %3x%4</source>
        <translation>%1：%2 个 %3x%4 特征图</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="26"/>
        <source>MLP</source>
        <translation>多层感知机（MLP）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="28"/>
        <source>Dynamic (loop 0-3x)</source>
        <translation>动态图模型（循环 0-3 次）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="27"/>
        <source>Linear layers fc1..fcN with one activation between them (the article&apos;s network)</source>
        <translation>线性层 fc1..fcN，层与层之间各接一个激活函数（文章中的网络）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="29"/>
        <source>the MLP plus a square middle layer that each training forward pass applies a random 0-3 times: the graph is built anew on every pass</source>
        <translation>在 MLP 的基础上多一个输入输出同宽的中间层，训练时每次前向传播随机重复使用它 0-3 次：每次都重新搭建计算图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="30"/>
        <source>CNN (convolutions)</source>
        <translation>CNN（卷积神经网络）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="31"/>
        <source>convolution layers with pooling on the pictures, then linear layers: for image data (digits, shapes)</source>
        <translation>先对图像做卷积和池化，再接全连接层：用于图像数据（digits、shapes）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="32"/>
        <source>RNN</source>
        <translation>RNN（循环神经网络）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="33"/>
        <source>a recurrent layer over the time steps, then a linear layer on the last state: for sequences (sine, pattern)</source>
        <translation>循环层逐个时间步处理序列，最后一步的隐藏状态接一个全连接层：用于序列数据（sine、pattern）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="34"/>
        <source>GRU</source>
        <translation>GRU（门控循环单元）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="35"/>
        <source>a gated recurrent unit (GRU) over the time steps: for sequences (sine, pattern)</source>
        <translation>门控循环单元（GRU）逐个时间步处理序列：用于序列数据（sine、pattern）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="36"/>
        <source>LSTM</source>
        <translation>LSTM（长短期记忆网络）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="37"/>
        <source>a long short-term memory (LSTM) over the time steps: for sequences (sine, pattern)</source>
        <translation>长短期记忆网络（LSTM）逐个时间步处理序列：用于序列数据（sine、pattern）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="38"/>
        <source>Attention (transformer)</source>
        <translation>注意力（Transformer）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="39"/>
        <source>token and position embeddings, multi-head self-attention and a feed-forward layer: for token sequences (reverse, sort)</source>
        <translation>词元嵌入和位置嵌入、多头自注意力和前馈层：用于词元序列（reverse、sort）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="44"/>
        <source>2-D: an inner disc of one class inside a ring of the other</source>
        <translation>二维：一个类别的圆盘被另一个类别的圆环包围</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="45"/>
        <source>2-D: opposite quadrants share a class</source>
        <translation>二维：相对的象限属于同一类别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="46"/>
        <source>2-D: Gaussian clusters, one per class</source>
        <translation>二维：高斯簇，每个类别一簇</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="47"/>
        <source>2-D: interleaved spirals, one arm per class</source>
        <translation>二维：互相交错的螺旋线，每个类别一条</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="48"/>
        <source>2-D: two interleaving half circles</source>
        <translation>二维：两个互相交错的半圆</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="49"/>
        <source>10 random features, 2 classes (the article&apos;s example)</source>
        <translation>10 个随机特征，2 个类别（文章中的示例）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="50"/>
        <source>8x8 handwritten digits, 10 classes (bundled, no download)</source>
        <translation>8x8 手写数字，10 个类别（已内置，无需下载）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="51"/>
        <source>16x16 pictures of lines, circles and squares, drawn from the seed</source>
        <translation>16x16 的线条、圆形和正方形图片，由随机种子生成</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="52"/>
        <source>sequences: the next value of a noisy sum of two sines, from the last 20</source>
        <translation>序列：由前 20 个值预测两条正弦曲线之和（带噪声）的下一个值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="53"/>
        <source>sequences: which of two patterns (a sine or a sawtooth wave) 20 noisy values follow</source>
        <translation>序列：判断 20 个带噪声的值符合两种模式（正弦波或锯齿波）中的哪一种</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="54"/>
        <source>tokens: 6 digits, to be written back in reverse order</source>
        <translation>词元：6 个数字，按相反顺序写回</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="55"/>
        <source>tokens: 6 digits, to be written back sorted</source>
        <translation>词元：6 个数字，排好序后写回</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="56"/>
        <source>2-D regression: the value rises along a tilted plane</source>
        <translation>二维回归：数值沿一个倾斜的平面升高</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="57"/>
        <source>2-D regression: a landscape of Gaussian bumps</source>
        <translation>二维回归：由多个高斯山丘组成的地形</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="62"/>
        <source>sine</source>
        <translation>正弦波</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="63"/>
        <source>sawtooth</source>
        <translation>锯齿波</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="68"/>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="73"/>
        <source>Opposite quadrants share a class: needs a hidden layer</source>
        <translation>相对的象限属于同一类别：需要一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="74"/>
        <source>A disc inside a ring: a curved boundary from straight lines</source>
        <translation>圆环包围圆盘：用直线拼出弯曲的决策边界</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="75"/>
        <source>Two Gaussian clusters: the easiest start, one small layer</source>
        <translation>两个高斯簇：最容易的入门，一个小隐藏层就够</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="76"/>
        <source>Two interleaved spirals: deep, wide and Adam</source>
        <translation>两条互相交错的螺旋线：更深、更宽的网络，加上 Adam</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="77"/>
        <source>Two interleaving half circles with a little noise</source>
        <translation>两个互相交错的半圆，带少量噪声</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="78"/>
        <source>Regression: fit a tilted plane with MSE</source>
        <translation>回归：用均方误差（MSE）拟合一个倾斜的平面</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="79"/>
        <source>Regression: fit a landscape of Gaussian bumps</source>
        <translation>回归：拟合由多个高斯山丘组成的地形</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="80"/>
        <source>Real data: 8x8 handwritten digits, 10 classes</source>
        <translation>真实数据：8x8 手写数字，10 个类别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="81"/>
        <source>The article&apos;s network: 10 -&gt; 5 -&gt; 2, ReLU, cross-entropy, SGD lr 0.01</source>
        <translation>文章中的网络：10 -&gt; 5 -&gt; 2，ReLU，交叉熵，SGD，学习率 0.01</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="82"/>
        <source>The dynamic model: a middle layer that each training pass repeats 0-3 times (a new graph every step)</source>
        <translation>动态图模型：训练时每次前向传播把中间层重复 0-3 次（每一步都是新的计算图）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="83"/>
        <source>A CNN on the 8x8 digits: two conv layers with pooling, at least 97% test accuracy</source>
        <translation>用 CNN 识别 8x8 手写数字：两个带池化的卷积层，测试集准确率至少 97%</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="84"/>
        <source>A CNN on 16x16 pictures of lines, circles and squares, 3 classes</source>
        <translation>用 CNN 识别 16x16 的线条、圆形和正方形图片，3 个类别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="85"/>
        <source>An RNN predicts the next value of a sum of two sines from the last 20: test MSE about 0.003</source>
        <translation>RNN 由前 20 个值预测两条正弦曲线之和的下一个值：测试集 MSE 约 0.003</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="86"/>
        <source>A GRU tells a sine from a sawtooth wave over 20 noisy steps: at least 90% test accuracy</source>
        <translation>GRU 根据 20 个带噪声的时间步区分正弦波和锯齿波：测试集准确率至少 90%</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="87"/>
        <source>An attention block writes 6 digits back in reverse order: at least 95% of the tokens right</source>
        <translation>一个注意力块把 6 个数字按相反顺序写回：至少 95% 的词元正确</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="88"/>
        <source>Two attention blocks sort 6 digits: at least 95% of the tokens right</source>
        <translation>两个注意力块给 6 个数字排序：至少 95% 的词元正确</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="56"/>
        <source>(custom)</source>
        <translation>（自定义）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="61"/>
        <source>Load a ready-made preset: dataset, network and training settings (lessons: the Lessons menu)</source>
        <translation>加载现成的预设：数据集、网络结构和训练设置（课程在“课程”菜单里）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="64"/>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="61"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="70"/>
        <source>Which data the network learns from</source>
        <translation>网络要学习的数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="71"/>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="74"/>
        <source>Noise added to the synthetic datasets (0 to 0.5)</source>
        <translation>给合成数据集加入的噪声（0 到 0.5）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="76"/>
        <source>&amp;Noise</source>
        <translation>噪声(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="79"/>
        <source>Share of the data used for training; the rest tests the network</source>
        <translation>用于训练的数据比例，其余数据用来测试网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="81"/>
        <source>Trai&amp;n split</source>
        <translation>训练集比例(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="73"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="82"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="43"/>
        <source>e.g. 8, 8 (empty: no hidden layer)</source>
        <translation>例如 8, 8（留空：无隐藏层）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="45"/>
        <source>Neurons per hidden layer, input to output: 0 to {0} layers of 1 to {1} neurons</source>
        <translation>从输入到输出，每个隐藏层的神经元数：0 到 {0} 层，每层 1 到 {1} 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="48"/>
        <source>Past {0} layers there is no box per layer: edit them here</source>
        <translation>超过 {0} 层时不再为每层显示输入框：请在这里编辑</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="52"/>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="54"/>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="55"/>
        <source>&amp;Hidden layers</source>
        <translation>隐藏层(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="61"/>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="97"/>
        <source>The non-linearity between layers</source>
        <translation>层与层之间的非线性函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="102"/>
        <source>per layer</source>
        <translation>逐层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="103"/>
        <source>&amp;Activation</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="104"/>
        <source>Dro&amp;pout</source>
        <translation>随机失活(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="108"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="112"/>
        <source>Learning rate on a log scale; can change while training</source>
        <translation>学习率（对数刻度），训练过程中也可以调整</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="117"/>
        <source>Learning rate, 0.00001 to 10; takes effect at the next step</source>
        <translation>学习率，0.00001 到 10，从下一步起生效</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="118"/>
        <source>Learning &amp;rate</source>
        <translation>学习率(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="128"/>
        <source>How the gradients move the weights: optimizer.step()</source>
        <translation>如何用梯度更新权重：optimizer.step()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="129"/>
        <source>&amp;Optimizer</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="132"/>
        <source>Passes over the training data</source>
        <translation>完整遍历训练集的次数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="133"/>
        <source>&amp;Epochs</source>
        <translation>轮数(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="136"/>
        <source>Samples per mini-batch: one optimizer step each</source>
        <translation>每个小批量的样本数：每个小批量执行一次 optimizer.step()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="137"/>
        <source>&amp;Batch size</source>
        <translation>批大小(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="142"/>
        <source>L2 penalty on the weights, 0 to 1</source>
        <translation>对权重的 L2 惩罚，0 到 1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="143"/>
        <source>&amp;Weight decay</source>
        <translation>权重衰减(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="145"/>
        <source>Re&amp;gularization</source>
        <translation>正则化(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="148"/>
        <source>Random seed: the same seed gives the same data, start and run</source>
        <translation>随机种子：相同的种子得到相同的数据、初始权重和训练过程</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="149"/>
        <source>See&amp;d</source>
        <translation>随机种子(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="152"/>
        <source>Where the tensors live: .to(device). Only devices present are listed</source>
        <translation>张量所在的设备：.to(device)。只列出本机可用的设备</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="153"/>
        <source>De&amp;vice</source>
        <translation>设备(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="286"/>
        <source>The model family: how the forward pass runs the layers</source>
        <translation>模型类型：前向传播如何运行各层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="290"/>
        <source>Dropout: while training, each hidden neuron&apos;s output is set to 0 with this probability (a new random mask on every step) and the rest are scaled by 1/(1 - rate). Off when evaluating. 0 to {0}</source>
        <translation>随机失活（Dropout）：训练时，每个隐藏层神经元的输出以这个概率 p 被置为 0（每一步都换一张新的随机掩码），其余的输出乘以 1/(1 - p)。评估时不起作用。取值 0 到 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="295"/>
        <source>Dropout per hidden layer: {0} (set by a file, a lesson or the command line; a preset sets one rate again)</source>
        <translation>各隐藏层的随机失活率：{0}（由文件、课程或命令行设定；选择预设会重新统一为一个值）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="97"/>
        <source>{0} layers: edit them in the text box</source>
        <translation>共 {0} 层：在上方编辑</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="99"/>
        <source>A box per layer is shown for up to {0} hidden layers; deeper networks are edited in the Hidden layers text box</source>
        <translation>最多 {0} 个隐藏层时每层显示一个输入框；更深的网络请在“隐藏层”文本框中编辑</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="397"/>
        <source>The dynamic model needs at least one hidden layer: add one first</source>
        <translation>动态模型至少需要一个隐藏层：请先添加一个</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="125"/>
        <source>The dynamic model needs at least one hidden layer</source>
        <translation>动态模型至少需要一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="436"/>
        <source>learning rate: {0} is out of range; allowed 0.00001 to 10</source>
        <translation>学习率：{0} 超出范围，允许 0.00001 到 10</translation>
    </message>
    <message>
        <location filename="../../playground/ui/layer_editor.py" line="108"/>
        <source>Neurons in hidden layer {0}</source>
        <translation>第 {0} 个隐藏层的神经元数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="36"/>
        <source>e.g. 8, 16</source>
        <translation>例如 8, 16</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="37"/>
        <source>The convolution layers&apos; output channels, first to last: 1 to {0} layers of 1 to {1} channels; each is followed by the activation and a 2x2 max-pool</source>
        <translation>各卷积层的输出通道数，从第一层到最后一层：1 到 {0} 层，每层 1 到 {1} 个通道；每层后接激活函数和 2x2 最大池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="44"/>
        <source>Each convolution&apos;s square kernel, in pixels (padding keeps the size)</source>
        <translation>每个卷积的方形卷积核大小，单位为像素（填充使尺寸不变）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="49"/>
        <source>C&amp;hannels</source>
        <translation>通道数(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="50"/>
        <source>&amp;Kernel size</source>
        <translation>卷积核大小(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="89"/>
        <source>&amp;Linear head</source>
        <translation>全连接头(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="90"/>
        <source>after the flattened maps, e.g. 32 (empty: none)</source>
        <translation>接在展平的特征图之后，例如 32（留空：无）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="91"/>
        <source>The CNN&apos;s linear layers after the flattened feature maps: neurons per layer</source>
        <translation>CNN 在展平的特征图之后的全连接层：每层的神经元数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="94"/>
        <source>&amp;Recurrent layers</source>
        <translation>循环层(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="95"/>
        <source>one width, e.g. 16 or 16, 16</source>
        <translation>同一宽度，例如 16 或 16, 16</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="96"/>
        <source>The recurrent layers stacked over the time steps, 1 to 4: all layers share one width (units each)</source>
        <translation>在时间步上堆叠的循环层，1 到 4 层：所有层宽度相同（每层的单元数）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="99"/>
        <source>A&amp;ttention blocks</source>
        <translation>注意力块(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="100"/>
        <source>one width, e.g. 32 or 32, 32</source>
        <translation>同一宽度，例如 32 或 32, 32</translation>
    </message>
    <message>
        <location filename="../../playground/ui/cnn_controls.py" line="101"/>
        <source>The attention blocks stacked, 1 to 4: all layers share one width (the embedding&apos;s), which the heads divide</source>
        <translation>堆叠的注意力块，1 到 4 块：所有层宽度相同（即嵌入维度），并由各个头平分</translation>
    </message>
</context>
<context>
    <name>DataControls</name>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="85"/>
        <source>How many points the synthetic datasets draw (20 to 100000)</source>
        <translation>合成数据集生成多少个点（20 到 100000）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="88"/>
        <source>Sa&amp;mples</source>
        <translation>样本数(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="88"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="91"/>
        <source>The seed of the data: the points and the train/test split. Empty: the weights&apos; seed (shown greyed)</source>
        <translation>数据的随机种子：决定数据点和训练集/测试集的划分。留空则使用权重的随机种子（灰色显示）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="93"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="95"/>
        <source>Draw new data: the data&apos;s seed moves on by one; the weights&apos; seed stays (Ctrl+Shift+R)</source>
        <translation>重新生成数据：数据种子加一，权重种子不变（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="97"/>
        <source>Data s&amp;eed</source>
        <translation>数据种子(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="99"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="105"/>
        <source>Input neuron {0}: the network sees {1} of each point (x₁, x₂)</source>
        <translation>输入神经元 {0}：网络看到的是每个点 (x₁, x₂) 的 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="115"/>
        <source>Standardize features</source>
        <translation>特征标准化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="116"/>
        <source>Your own data: scale each feature to mean 0 and standard deviation 1 before training</source>
        <translation>你自己的数据：训练前把每个特征缩放为均值 0、标准差 1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="185"/>
        <source>Toggles for the inputs a 2-D network sees: each is an input neuron</source>
        <translation>选择二维网络看到的输入特征：每个特征是一个输入神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="186"/>
        <source>Input features are made from 2-D points; {0} has {1} inputs of its own</source>
        <translation>输入特征由二维数据点计算得出；{0} 有自己的 {1} 个输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="193"/>
        <source>Your data&apos;s classes (0: a regression), as its file or drawing says</source>
        <translation>你的数据的类别数（0 表示回归），由文件或绘制的点决定</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="194"/>
        <source>How many classes gauss and spiral make: 2 to 6</source>
        <translation>gauss 和 spiral 数据生成的类别数：2 到 6</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="202"/>
        <source>{0} (weights&apos; seed)</source>
        <translation>{0}（权重种子）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="224"/>
        <source>Your data</source>
        <translation>你的数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="226"/>
        <source>Your own data: read from a CSV file or drawn</source>
        <translation>你自己的数据：从 CSV 文件读入或手动绘制</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="242"/>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_controls.py" line="278"/>
        <source>At least one input feature stays on: the network needs an input</source>
        <translation>至少保留一个输入特征：网络需要输入</translation>
    </message>
</context>
<context>
    <name>DataFlow</name>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="38"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="39"/>
        <source>CSV data (*.csv);;All files (*)</source>
        <translation>CSV 数据 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="46"/>
        <source>Reading {0}...</source>
        <translation>正在读取 {0}……</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="48"/>
        <source>Cannot import data</source>
        <translation>无法导入数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="51"/>
        <source>Imported {0}: {1} points</source>
        <translation>已导入 {0}：{1} 个点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="57"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="58"/>
        <location filename="../../playground/ui/data_flow.py" line="64"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="63"/>
        <source>Export loss history</source>
        <translation>导出损失记录</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="69"/>
        <source>Export data failed</source>
        <translation>导出数据失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="73"/>
        <source>Export loss history failed</source>
        <translation>导出损失记录失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="76"/>
        <source>Writing {0}...</source>
        <translation>正在写入 {0}……</translation>
    </message>
    <message>
        <location filename="../../playground/ui/data_flow.py" line="80"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>DeviceRaceView</name>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="71"/>
        <source>Race</source>
        <translation>比赛</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="72"/>
        <location filename="../../playground/ui/views/device_race.py" line="193"/>
        <source>Train the same task on every device, as the network widens</source>
        <translation>网络逐渐变宽，在每个设备上训练同一个任务</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="87"/>
        <source>Steps per second: two hidden layers of each width (more is faster)</source>
        <translation>每秒步数：两个隐藏层，每层为该行的宽度（数值越大越快）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="93"/>
        <source>Show the mistake</source>
        <translation>演示错误</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="94"/>
        <source>Run a model on one device with its data on another</source>
        <translation>模型在一个设备上，数据却在另一个设备上，运行看看</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="102"/>
        <source>Press “Show the mistake”: the model on one device, the data on another.</source>
        <translation>按下“演示错误”：模型在一个设备上，数据在另一个设备上。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="194"/>
        <source>Stop training first: the race needs the devices to itself</source>
        <translation>请先停止训练：比赛需要独占各个设备</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="203"/>
        <source>No GPU on this computer, so PyTorch’s &lt;code&gt;meta&lt;/code&gt; device (tensors with a shape but no numbers) stands in for the GPU: the same mistake, a real error. On a GPU the message begins “Expected all tensors to be on the same device”.</source>
        <translation>这台电脑没有 GPU，所以用 PyTorch 的 &lt;code&gt;meta&lt;/code&gt; 设备（只有形状、没有数值的张量）代替 GPU：同样的错误，同样真实的报错。在 GPU 上，错误信息以“Expected all tensors to be on the same device”开头。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="206"/>
        <source>The mistake:</source>
        <translation>错误写法：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="209"/>
        <source>PyTorch says:</source>
        <translation>PyTorch 报错：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="212"/>
        <source>PyTorch raised no error here.</source>
        <translation>PyTorch 在这里没有报错。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="213"/>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="214"/>
        <source>model.to(device) moved the weights to {0}, but x was made on the cpu. A layer multiplies its input by its weights, and PyTorch only computes with tensors on the same device: it never moves them for you.</source>
        <translation>model.to(device) 把权重搬到了 {0} 上，但 x 是在 cpu 上创建的。一层网络要把输入和它的权重相乘，而 PyTorch 只对同一设备上的张量做计算：它从不替你搬运张量。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="217"/>
        <source>The fix:</source>
        <translation>改正：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="219"/>
        <source>It prints:</source>
        <translation>运行结果：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="229"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="229"/>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="249"/>
        <source>Two hidden layers of {0} neurons: {1:,} weights and biases</source>
        <translation>两个隐藏层，每层 {0} 个神经元：共 {1:,} 个权重和偏置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="267"/>
        <source>No GPU on this computer: only the CPU races.</source>
        <translation>这台电脑没有 GPU：只有 CPU 参赛。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="269"/>
        <source>The race stopped: {0}</source>
        <translation>比赛中止：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="271"/>
        <source>Racing... {0} of {1} measured</source>
        <translation>比赛中... 已测 {0} / {1} 项</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="276"/>
        <source>Press Race and predict: which device wins as the network widens?</source>
        <translation>先预测，再按“比赛”：网络变宽时，哪个设备会赢？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="287"/>
        <source>Done. The cpu went from {0} steps/s at width {1} to {2} at width {3}.</source>
        <translation>完成。cpu 在宽度 {1} 时每秒 {0} 步，宽度 {3} 时每秒 {2} 步。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/device_race.py" line="289"/>
        <source>Done. At width {0}, {1} is {2:.1f}× as fast as the cpu.</source>
        <translation>完成。宽度为 {0} 时，{1} 的速度是 cpu 的 {2:.1f} 倍。</translation>
    </message>
</context>
<context>
    <name>DigitsPage</name>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="52"/>
        <location filename="../../playground/ui/views/digits.py" line="67"/>
        <source>predicted digit</source>
        <translation>预测数字</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="53"/>
        <location filename="../../playground/ui/views/digits.py" line="68"/>
        <source>true digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="36"/>
        <source>Test images, predicted</source>
        <translation>测试图像及预测结果</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="36"/>
        <source>Confusion matrix (test&#xa0;set)</source>
        <translation>混淆矩阵（测⁠试⁠集）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="80"/>
        <source>Digits: what it confuses</source>
        <translation>手写数字：哪些容易混淆</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="94"/>
        <source>correct (diagonal)</source>
        <translation>正确（对角线）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="95"/>
        <source>confused</source>
        <translation>混淆</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="96"/>
        <source>wrong: predicted ≠ true</source>
        <translation>错误：预测 ≠ 真实</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <location filename="../../playground/ui/client.py" line="165"/>
        <source>Starting the training process (loading PyTorch)...</source>
        <translation>正在启动训练进程（加载 PyTorch）...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/client.py" line="355"/>
        <source>Training runs in the window&apos;s own thread: no training process could start (details on the console). Live views may slow training down.</source>
        <translation>训练在窗口自身的线程中运行：无法启动训练进程（详情见控制台）。实时视图可能会拖慢训练。</translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <location filename="../../playground/ui/files.py" line="65"/>
        <source>Save this session?</source>
        <translation>保存此会话？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="66"/>
        <source>The network has trained {0} steps that are not saved. Save the session to continue next time?</source>
        <translation>网络已训练 {0} 步，尚未保存。保存会话，下次接着训练吗？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="106"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="106"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="117"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="125"/>
        <location filename="../../playground/ui/files.py" line="126"/>
        <source>Exporting {0}...</source>
        <translation>正在导出 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="128"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="132"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="137"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="138"/>
        <source>Playground session (*{0})</source>
        <translation>Playground 会话 (*{0})</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="142"/>
        <source>Saving {0}...</source>
        <translation>正在保存 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="144"/>
        <source>Saving the session failed</source>
        <translation>保存会话失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="147"/>
        <source>Saved session {0}</source>
        <translation>已保存会话 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="154"/>
        <source>Open session or config</source>
        <translation>打开会话或配置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="155"/>
        <source>Sessions and configs (*{0} *.json);;All files (*)</source>
        <translation>会话和配置 (*{0} *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="166"/>
        <location filename="../../playground/ui/files.py" line="170"/>
        <source>Cannot open config</source>
        <translation>无法打开配置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="168"/>
        <location filename="../../playground/ui/files.py" line="174"/>
        <source>Opening {0}...</source>
        <translation>正在打开 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="172"/>
        <source>Loaded config {0}</source>
        <translation>已加载配置 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="176"/>
        <source>Cannot open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="183"/>
        <source>Cannot read the session&apos;s earlier runs</source>
        <translation>无法读取会话中的历次训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="186"/>
        <source>Opened session {0}: step {1}, epoch {2}</source>
        <translation>已打开会话 {0}：第 {1} 步，第 {2} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="191"/>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="192"/>
        <source>Weights (*.safetensors *.pt);;All files (*)</source>
        <translation>权重 (*.safetensors *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="199"/>
        <source>Loading {0}...</source>
        <translation>正在加载 {0}...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="201"/>
        <source>Cannot import weights</source>
        <translation>无法导入权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="203"/>
        <source>Loaded weights from {0}</source>
        <translation>已从 {0} 加载权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="93"/>
        <source>Weights (safetensors)</source>
        <translation>权重 (safetensors)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="94"/>
        <source>Weights (PyTorch state_dict)</source>
        <translation>权重 (PyTorch state_dict)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="95"/>
        <source>Model for ONNX Runtime</source>
        <translation>ONNX Runtime 模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="96"/>
        <source>Model (torch.export program)</source>
        <translation>模型 (torch.export 程序)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="97"/>
        <source>Standalone PyTorch script</source>
        <translation>独立的 PyTorch 脚本</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="98"/>
        <source>Jupyter notebook</source>
        <translation>Jupyter 笔记本</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="99"/>
        <source>Config (JSON)</source>
        <translation>配置 (JSON)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/catalog_texts.py" line="100"/>
        <source>Playground session (config, weights, history)</source>
        <translation>Playground 会话（配置、权重、训练记录）</translation>
    </message>
</context>
<context>
    <name>GradientLegend</name>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="312"/>
        <source>Node color and edge width: the norm of the gradient flowing back through it (log scale)</source>
        <translation>节点颜色和连线粗细：反向传播时流经它的梯度的范数（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="317"/>
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
        <location filename="../../playground/ui/views/graph_view.py" line="60"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="61"/>
        <source>Fit the whole graph into view</source>
        <translation>缩放视图，显示整个计算图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="65"/>
        <source>Lay the graph out top to bottom or left to right</source>
        <translation>计算图的排列方向：从上到下或从左到右</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="69"/>
        <source>Show every autograd node, or one box per layer</source>
        <translation>显示每个自动求导节点，或每层合成一个方框</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="101"/>
        <source>Click a node to inspect it; wheel to zoom, drag to pan</source>
        <translation>点击节点查看详情；滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="246"/>
        <source>step {0} · {1} nodes</source>
        <translation>第&#xa0;{0}&#xa0;步&#xa0;· {1}&#xa0;个⁠节⁠点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="258"/>
        <source>forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="258"/>
        <source>loss</source>
        <translation>计算损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="258"/>
        <source>zero_grad</source>
        <translation>梯度清零</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="259"/>
        <source>backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="259"/>
        <source>step</source>
        <translation>更新参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="260"/>
        <source>step {0} · {1} nodes · {2}</source>
        <translation>第&#xa0;{0}&#xa0;步&#xa0;· {1}&#xa0;个⁠节⁠点&#xa0;· {2}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="352"/>
        <source>shape {0}</source>
        <translation>形状 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="354"/>
        <source>|grad| {0}</source>
        <translation>|grad| {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="356"/>
        <source>mean {0}, std {1}</source>
        <translation>均值 {0}，标准差 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="392"/>
        <source>Left → right</source>
        <translation>左 → 右</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="393"/>
        <source>Top ↓ bottom</source>
        <translation>上 ↓ 下</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="394"/>
        <source>One box per layer</source>
        <translation>每层一个方框</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="395"/>
        <location filename="../../playground/ui/views/graph_view.py" line="436"/>
        <source>Autograd graph</source>
        <translation>自动求导图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="414"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="414"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="415"/>
        <source>Graphviz DOT (*.dot)</source>
        <translation>Graphviz DOT 文件 (*.dot)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="416"/>
        <source>Export graph</source>
        <translation>导出计算图</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="286"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="286"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="287"/>
        <source>Export as Graphviz DOT…</source>
        <translation>导出为 Graphviz DOT…</translation>
    </message>
</context>
<context>
    <name>HeadsControl</name>
    <message>
        <location filename="../../playground/ui/model_controls.py" line="48"/>
        <source>Attention heads per block: each looks at the sequence in its own way; they split the width between them, so they must divide it</source>
        <translation>每块的注意力头数：每个头以自己的方式看序列；它们平分宽度，所以头数必须能整除宽度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/model_controls.py" line="50"/>
        <source>&amp;Heads</source>
        <translation>头数(&amp;H)</translation>
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
        <location filename="../../playground/ui/help.py" line="40"/>
        <source>&lt;p&gt;&lt;b&gt;Phase ▸&lt;/b&gt; (Shift+N) walks one mini-batch through the training loop one phase per press: forward, loss, zero_grad, backward, step. Click a weight (an edge in the Network view) to see its gradient worked out by the chain rule.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;阶段 ▸&lt;/b&gt;（Shift+N）让一个小批量逐个阶段走完训练循环，每按一次走一个阶段：前向传播、计算损失、梯度清零（zero_grad）、反向传播、更新参数。点击一个权重（“网络”视图中的一条连线），可以看到用链式法则一步步算出的梯度。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="47"/>
        <source>First steps</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="55"/>
        <location filename="../../playground/ui/help.py" line="75"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="79"/>
        <source>&lt;b&gt;PyTorch Playground {0}&lt;/b&gt;&lt;p&gt;Watch real PyTorch train a neural network: the training loop, the autograd graph and what the network learns.&lt;/p&gt;</source>
        <translation>&lt;b&gt;PyTorch Playground {0}&lt;/b&gt;&lt;p&gt;看真实的 PyTorch 如何训练神经网络：训练循环、自动求导计算图，以及网络学到了什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/help.py" line="79"/>
        <source>About PyTorch Playground</source>
        <translation>关于 PyTorch Playground</translation>
    </message>
</context>
<context>
    <name>IterationFlow</name>
    <message>
        <location filename="../../playground/ui/iteration_flow.py" line="56"/>
        <source>Pause training to see a weight&apos;s gradient by the chain rule</source>
        <translation>请先暂停训练，再查看用链式法则算出的权重梯度</translation>
    </message>
</context>
<context>
    <name>IterationPanel</name>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="105"/>
        <source>One iteration, phase by phase</source>
        <translation>逐个阶段看一次迭代</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="108"/>
        <source>Close this panel (View menu: open it again)</source>
        <translation>关闭此面板（可在“视图”菜单中再次打开）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="116"/>
        <source>The body of the training loop (for x, y in loader:); the highlighted line is the phase shown</source>
        <translation>训练循环的循环体（for x, y in loader:）；高亮的一行就是当前显示的阶段</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="187"/>
        <source>Phase ▸ (Shift+N) runs the next phase of one mini-batch: forward, loss, zero_grad, backward, step. The graph shows each as it happens.</source>
        <translation>“阶段 ▸”（Shift+N）让一个小批量执行下一个阶段：前向传播、计算损失、梯度清零、反向传播、更新参数。计算图会随时展示每个阶段发生了什么。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="190"/>
        <source>Click a weight (an edge in the Network view) or a parameter in the graph to see its gradient worked out by the chain rule, beside autograd&apos;s .grad.</source>
        <translation>点击一个权重（“网络”视图中的一条连线）或计算图中的一个参数，可以看到用链式法则一步步算出的梯度，并与自动求导得到的 .grad 对照。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="208"/>
        <source>The network changed since this batch began, so the batch started over.</source>
        <translation>这个小批量开始之后网络被改动过，所以这个小批量从头开始。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="214"/>
        <source>1. Forward: output = net(x)</source>
        <translation>1. 前向传播：output = net(x)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="215"/>
        <source>The batch of {0} samples went through the network, layer by layer. Autograd recorded every operation as a node of the graph ({1} nodes so far), with what backward will need.</source>
        <translation>这批 {0} 个样本逐层通过了网络。自动求导把每个运算都记录为计算图中的一个节点（目前共 {1} 个），并保存了反向传播要用到的数据。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="222"/>
        <source>The output: [{0}], starting {1}</source>
        <translation>输出：[{0}]，前几个值为 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="226"/>
        <source>2. Loss: loss = criterion(output, y)</source>
        <translation>2. 损失：loss = criterion(output, y)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="227"/>
        <source>The loss compares the output with the targets y: {0}. Its grad_fn is where backward() will start.</source>
        <translation>损失把输出和目标 y 作比较：{0}。反向传播 backward() 将从它的 grad_fn 开始。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="233"/>
        <source>3. optimizer.zero_grad()</source>
        <translation>3. 梯度清零：optimizer.zero_grad()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="234"/>
        <source>Backward adds to .grad, so the last step&apos;s gradients are cleared first: every .grad is now zero.</source>
        <translation>反向传播会把梯度累加到 .grad 上，所以要先清掉上一步的梯度：现在每个 .grad 都是 0。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="236"/>
        <source>Backward adds to .grad, so the last step&apos;s gradients are cleared first: every .grad is now None.</source>
        <translation>反向传播会把梯度累加到 .grad 上，所以要先清掉上一步的梯度：现在每个 .grad 都是 None。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="239"/>
        <location filename="../../playground/ui/iteration_panel.py" line="253"/>
        <location filename="../../playground/ui/iteration_panel.py" line="260"/>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="239"/>
        <source>|grad| before</source>
        <translation>清零前 |grad|</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="239"/>
        <source>after</source>
        <translation>清零后</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="247"/>
        <source>4. loss.backward()</source>
        <translation>4. 反向传播：loss.backward()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="248"/>
        <source>Autograd walked the graph from the loss back to every parameter, applying the chain rule at each node, in this order ({0} nodes):</source>
        <translation>自动求导从损失出发，沿计算图倒推回每个参数，在每个节点上应用链式法则，顺序如下（共 {0} 个节点）：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="253"/>
        <source>|grad|</source>
        <translation>梯度范数 |grad|</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="257"/>
        <source>5. optimizer.step()</source>
        <translation>5. 更新参数：optimizer.step()</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="258"/>
        <source>Every parameter moved against its gradient. This was step {0}; the network is where one Step would have put it.</source>
        <translation>每个参数都沿梯度的反方向移动了一点。这是第 {0} 步；现在的网络和点一次“单步”得到的完全一样。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="260"/>
        <source>|change|</source>
        <translation>|变化量|</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="265"/>
        <source>One weight, {0}[{1}], with {2} (lr {3}):</source>
        <translation>以一个权重 {0}[{1}] 为例，优化器 {2}（学习率 {3}）：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="276"/>
        <source>Why {0}[{1}].grad is what it is</source>
        <translation>{0}[{1}].grad 为什么是这个值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="279"/>
        <source>{0} did not run in this forward pass, so its gradient is zero.</source>
        <translation>{0} 在这次前向传播中没有运行，所以它的梯度是 0。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="281"/>
        <source>{0} ran {1} times in this forward pass: each use adds its own terms.</source>
        <translation>{0} 在这次前向传播中运行了 {1} 次：每用一次，都会加上各自的那些项。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="284"/>
        <source>Sample 0, from the loss back to the weight:</source>
        <translation>第 0 个样本，从损失倒推回这个权重：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="290"/>
        <source>The first samples, {0} × delta_i:</source>
        <translation>前几个样本的 {0} × delta_i：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="297"/>
        <source>They agree to {0}.</source>
        <translation>两者一致（相差不到 {0}）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="297"/>
        <source>They differ by {0}.</source>
        <translation>两者相差 {0}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="298"/>
        <source>Chain rule, summed over {0} samples:</source>
        <translation>链式法则，对 {0} 个样本求和：</translation>
    </message>
    <message>
        <location filename="../../playground/ui/iteration_panel.py" line="299"/>
        <source>w.grad from autograd:</source>
        <translation>自动求导得到的 w.grad：</translation>
    </message>
</context>
<context>
    <name>LessonFlow</name>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="56"/>
        <source>Open lesson &amp;file...</source>
        <translation>打开课程文件(&amp;F)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="57"/>
        <source>Open the &amp;user lessons folder</source>
        <translation>打开用户课程文件夹(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="58"/>
        <source>&amp;Close lesson</source>
        <translation>关闭课程(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="64"/>
        <source>Skipped a lesson file: {0}</source>
        <translation>已跳过一个课程文件：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="67"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="68"/>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="85"/>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="95"/>
        <source>Lesson: {0}</source>
        <translation>课程：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lessons_flow.py" line="122"/>
        <source>Goal reached!</source>
        <translation>目标达成！</translation>
    </message>
</context>
<context>
    <name>LessonLocks</name>
    <message>
        <location filename="../../playground/ui/control_locks.py" line="51"/>
        <source>This lesson fixes this setting.</source>
        <translation>此项设置由本课程固定。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="161"/>
        <source>Last run: {0}</source>
        <translation>上次训练：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="176"/>
        <source>Goal: {0}</source>
        <translation>目标：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="178"/>
        <source>Goal reached ✓</source>
        <translation>目标已达成 ✓</translation>
    </message>
    <message>
        <location filename="../../playground/ui/lesson_panel.py" line="197"/>
        <source>Checked when a run finishes</source>
        <translation>每次训练结束时检查</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="105"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="356"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="137"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="353"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="139"/>
        <source>train (per step)</source>
        <translation>训练集（每步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="141"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="148"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="292"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="142"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="149"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="292"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="143"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="296"/>
        <source>regularization</source>
        <translation>正则化项</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="146"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="353"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="152"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="153"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="154"/>
        <source>&amp;Log scale</source>
        <translation>对数坐标(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="155"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="157"/>
        <source>Per &amp;step</source>
        <translation>每步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="158"/>
        <source>Also draw the loss of every mini-batch (lighter)</source>
        <translation>同时画出每个小批量的损失（颜色较浅）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="167"/>
        <source>Values under the mouse</source>
        <translation>鼠标所指位置的数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="170"/>
        <source>Point at the curves to read their values</source>
        <translation>鼠标指向曲线即可读取数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="294"/>
        <source>train, per step</source>
        <translation>训⁠练⁠集⁠（每⁠步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="375"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="396"/>
        <source>epoch {0}: train loss {1:.4f}, test loss {2:.4f}</source>
        <translation>第 {0} 轮：训练损失 {1:.4f}，测试损失 {2:.4f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="376"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="399"/>
        <source>, test accuracy {0:.1%}</source>
        <translation>，测试准确率 {0:.1%}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/ui/main_window.py" line="54"/>
        <source>PyTorch Playground</source>
        <translation>PyTorch Playground</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="299"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="40"/>
        <location filename="../../playground/ui/status_area.py" line="76"/>
        <source>epoch %v of %m</source>
        <translation>第 %v / %m 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="256"/>
        <source>New network. The trained one ({0} steps) is kept: Edit &gt; Bring back (Ctrl+Z)</source>
        <translation>已新建网络。训练过的网络（{0} 步）仍保留：编辑 &gt; 恢复（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="337"/>
        <source>Training stopped because of an unexpected error; the network is as it was after the last finished run. Details: {0}</source>
        <translation>训练因意外错误而停止；网络已回到上一次训练结束时的状态。详情：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="251"/>
        <source>Brought back the trained network ({0} steps)</source>
        <translation>已恢复训练过的网络（{0} 步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="298"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="298"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="59"/>
        <source>step {0} - epoch {1}</source>
        <translation>第 {0} 步 - 第 {1} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="23"/>
        <location filename="../../playground/ui/status_area.py" line="66"/>
        <source>step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}</source>
        <translation>第 {0} 步 - {1:.0f} 步/秒 - 已用 {2}:{3:02d} - 学习率 {4:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="77"/>
        <source>epoch %v, until paused</source>
        <translation>第 %v 轮，直到暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="80"/>
        <source>Epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="84"/>
        <source>Graph probe</source>
        <translation>计算图探查</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="85"/>
        <source>output views</source>
        <translation>输出视图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="86"/>
        <source>, slowed to keep training fast</source>
        <translation>，已放慢以保证训练速度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="87"/>
        <source>{0}: {1:.1f} ms every {2:.1f} s ({3:.1%})</source>
        <translation>{0}：每 {2:.1f} 秒耗时 {1:.1f} 毫秒（{3:.1%}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="98"/>
        <source>train loss {0:.4f}   test loss – (no test points)</source>
        <translation>训练损失 {0:.4f}   测试损失 –（没有测试点）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="101"/>
        <source>train loss {0:.4f}   test loss {1:.4f}</source>
        <translation>训练损失 {0:.4f}   测试损失 {1:.4f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="104"/>
        <source>   train accuracy {0:.1%}   test accuracy {1:.1%}</source>
        <translation>   训练准确率 {0:.1%}   测试准确率 {1:.1%}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/status_area.py" line="107"/>
        <source>   train accuracy {0:.1%}</source>
        <translation>   训练准确率 {0:.1%}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="312"/>
        <source>Paused: press Space or Resume to go on, N for one step</source>
        <translation>已暂停：按空格键或“继续”接着训练，按 N 单步训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="334"/>
        <source>Training stopped because of an unexpected error; the weights so far are kept. Details: {0}</source>
        <translation>训练因意外错误而停止；已保留目前的权重。详情：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="350"/>
        <source>Training diverged at step {0}: the loss blew up (too large, or not a number), so training stopped and the last good weights were kept. Try a lower learning rate, e.g. {1:g}, then press Reset.</source>
        <translation>训练在第 {0} 步发散：损失爆炸了（数值过大或不是数字），因此训练已停止，并保留了最后一组正常的权重。请尝试更小的学习率，例如 {1:g}，然后点击“重置”。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="355"/>
        <source>Stopped after {0} steps</source>
        <translation>已停止，共训练 {0} 步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="357"/>
        <source>Finished {0} epochs in {1:.1f} s</source>
        <translation>已完成 {0} 轮训练，用时 {1:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/busy.py" line="21"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="45"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="47"/>
        <source>&amp;Open session or config...</source>
        <translation>打开会话或配置(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="48"/>
        <source>Open &amp;lesson file...</source>
        <translation>打开课程文件(&amp;L)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="49"/>
        <source>&amp;Save session...</source>
        <translation>保存会话(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="51"/>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="52"/>
        <source>&amp;Import weights...</source>
        <translation>导入权重(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="54"/>
        <source>Import &amp;data...</source>
        <translation>导入数据(&amp;D)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="56"/>
        <source>Export d&amp;ata...</source>
        <translation>导出数据(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="57"/>
        <source>Export loss &amp;history...</source>
        <translation>导出损失记录(&amp;H)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="61"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="65"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="66"/>
        <source>&amp;Bring back the trained network</source>
        <translation>恢复训练过的网络(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="68"/>
        <source>Train on your own data: a CSV file with numeric feature columns and a label column</source>
        <translation>用你自己的数据训练：CSV 文件，包含数值特征列和一个标签列</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="70"/>
        <source>Write the points as CSV: features, label, train or test, and the network&apos;s prediction</source>
        <translation>把数据点写成 CSV：特征、标签、属于训练集还是测试集，以及网络的预测</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="72"/>
        <source>Write the loss history as CSV: every step&apos;s loss, and each epoch&apos;s train and test loss and accuracy</source>
        <translation>把损失记录写成 CSV：每一步的损失，以及每轮的训练/测试损失和准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="74"/>
        <source>Undo the settings change that started a new network</source>
        <translation>撤销导致新建网络的那次设置更改</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="76"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="77"/>
        <source>Train / Pause / Resume</source>
        <translation>训练 / 暂停 / 继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="78"/>
        <source>One step</source>
        <translation>单步训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="79"/>
        <source>One phase of a step</source>
        <translation>单步训练的一个阶段</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="81"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="82"/>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="86"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="90"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="91"/>
        <source>&amp;Live graph and output while training</source>
        <translation>训练时实时更新计算图和输出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="93"/>
        <source>Update the graph, output and network views during training; off trains faster on slow computers and shows them when training stops</source>
        <translation>训练期间实时更新计算图、输出和网络视图；关闭后在较慢的电脑上训练更快，训练停止时再显示这些视图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="96"/>
        <source>One &amp;iteration panel</source>
        <translation>单次迭代面板(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="98"/>
        <source>The training loop phase by phase, and one weight&apos;s gradient by the chain rule</source>
        <translation>逐个阶段展示训练循环，并用链式法则算出一个权重的梯度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="100"/>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="102"/>
        <source>Full screen, large text and lines, high contrast, a big epoch counter</source>
        <translation>全屏显示，字号更大、线条更粗、对比度更高，并用大字显示当前轮数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="104"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="105"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="106"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="107"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="120"/>
        <source>Maximize {0}</source>
        <translation>最大化“{0}”</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="126"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="128"/>
        <source>&amp;First steps</source>
        <translation>入门指南(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="129"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="132"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/menus.py" line="133"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/drop.py" line="42"/>
        <source>this</source>
        <translation>这个文件</translation>
    </message>
    <message>
        <location filename="../../playground/ui/drop.py" line="43"/>
        <source>Cannot open {0}: drop a session (.pgsession), a config (.json), weights (.safetensors, .pt) or data (.csv)</source>
        <translation>无法打开 {0}：请拖入会话 (.pgsession)、配置 (.json)、权重 (.safetensors, .pt) 或数据 (.csv)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/recent.py" line="90"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/recent.py" line="93"/>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/recent.py" line="109"/>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <location filename="../../playground/ui/recent.py" line="117"/>
        <source>{0} no longer exists</source>
        <translation>{0} 已不存在</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="131"/>
        <source>%1 more neurons, not drawn so the picture stays readable</source>
        <translation>另有 %1 个神经元未画出，以免图示过于拥挤</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="153"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="153"/>
        <source>In</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="155"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="155"/>
        <source>Out</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="157"/>
        <source>Hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="157"/>
        <source>H%1</source>
        <translation>隐%1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="158"/>
        <source>%1 neurons</source>
        <translation>%1 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="158"/>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_labels.py" line="17"/>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_labels.py" line="19"/>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_labels.py" line="20"/>
        <source>hidden layer %1, neuron %2</source>
        <translation>隐藏层 %1 的神经元 %2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_labels.py" line="46"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_labels.py" line="49"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="381"/>
        <source>The network appears here</source>
        <translation>网络结构将显示在这里</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="194"/>
        <source>bias (fc%1.bias[%2]) = %3</source>
        <translation>偏置 (fc%1.bias[%2]) = %3</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="197"/>
        <source>the picture: this neuron&apos;s output over the input plane</source>
        <translation>图示：该神经元在整个输入平面上的输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="263"/>
        <source>(not trained yet)</source>
        <translation>（尚未训练）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="264"/>
        <source>from %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../playground/ui/views/output.py" line="200"/>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="202"/>
        <source>Draw the held-out test points too (diamonds)</source>
        <translation>同时画出留作测试的数据点（菱形）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="204"/>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="205"/>
        <source>Paint only the decision, not how sure the network is</source>
        <translation>只画出分类结果，不显示网络的置信度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="220"/>
        <source>Choose a dataset and press Train to see what the network learns.</source>
        <translation>选择一个数据集并点击“训练”，看看网络学到了什么。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="241"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="322"/>
        <source>Not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="413"/>
        <source>step %1 · epoch %2</source>
        <translation>第 %1 步 · 第 %2 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="414"/>
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
    <name>PhaseDisplay</name>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="175"/>
        <location filename="../../playground/ui/views/graph_phases.py" line="205"/>
        <source>.grad = None</source>
        <translation>.grad = None</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="175"/>
        <location filename="../../playground/ui/views/graph_phases.py" line="274"/>
        <source>|grad| {0}</source>
        <translation>|grad| {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="175"/>
        <location filename="../../playground/ui/views/graph_phases.py" line="219"/>
        <source>moved {0}</source>
        <translation>变化 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="176"/>
        <location filename="../../playground/ui/views/graph_phases.py" line="195"/>
        <source>loss = {0}</source>
        <translation>损失 = {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="205"/>
        <source>.grad = 0</source>
        <translation>.grad = 0</translation>
    </message>
</context>
<context>
    <name>PointDrawer</name>
    <message>
        <location filename="../../playground/ui/draw_points.py" line="33"/>
        <source>Draw your own data: click the plot to add a point of this class, right-click or Ctrl+click a point to remove it</source>
        <translation>绘制你自己的数据：单击图中添加一个该类别的点，右键或 Ctrl+单击删除一个点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_points.py" line="73"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>ProjectionPage</name>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="60"/>
        <source>principal axis 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="61"/>
        <source>principal axis 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="81"/>
        <source>predicted class (test set)</source>
        <translation>预测类别（测试集）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="82"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="84"/>
        <source>true value (test set)</source>
        <translation>真实值（测试集）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="85"/>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="95"/>
        <source>Predictions, 2-D projection</source>
        <translation>预测结果（二维投影）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="144"/>
        <source>low prediction</source>
        <translation>预测值低</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="145"/>
        <source>high prediction</source>
        <translation>预测值高</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="148"/>
        <source>predicted class %1</source>
        <translation>预测类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="150"/>
        <source>wrong</source>
        <translation>预测错误</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="151"/>
        <source>training point</source>
        <translation>训练数据点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="152"/>
        <source>test point</source>
        <translation>测试数据点</translation>
    </message>
</context>
<context>
    <name>RegularizationInput</name>
    <message>
        <location filename="../../playground/ui/regularization_input.py" line="21"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../playground/ui/regularization_input.py" line="35"/>
        <source>A penalty on the weights (not the biases) added to the loss: L1 = rate × sum |w| pushes weights to 0, L2 = rate × sum w² keeps them small</source>
        <translation>加到损失函数上的权重惩罚项（不含偏置）：L1 = 系数 × Σ|w|，把权重推向 0；L2 = 系数 × Σw²，让权重保持较小</translation>
    </message>
    <message>
        <location filename="../../playground/ui/regularization_input.py" line="45"/>
        <source>Regularization rate: how strongly the penalty counts, 0 to {0} (choose or type one)</source>
        <translation>正则化系数：惩罚项的权重，0 到 {0}（可选择或输入）</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <location filename="../../playground/ui/runs.py" line="44"/>
        <source>dataset {0}</source>
        <translation>数据集 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="46"/>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="47"/>
        <source>conv {0}</source>
        <translation>卷积 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="48"/>
        <source>kernel {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="49"/>
        <source>heads {0}</source>
        <translation>{0} 个注意力头</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="52"/>
        <source>lr {0:g}</source>
        <translation>学习率 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="53"/>
        <location filename="../../playground/ui/runs.py" line="86"/>
        <source>batch {0}</source>
        <translation>批大小 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="54"/>
        <source>{0} epochs</source>
        <translation>{0} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="55"/>
        <source>seed {0}</source>
        <translation>种子 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="56"/>
        <source>data seed {0}</source>
        <translation>数据种子 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="57"/>
        <source>noise {0:g}</source>
        <translation>噪声 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="58"/>
        <source>{0} samples</source>
        <translation>{0} 个样本</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="59"/>
        <source>train {0:.0%}</source>
        <translation>训练集 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="60"/>
        <source>{0} classes</source>
        <translation>{0} 类</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="62"/>
        <source>drawn data</source>
        <translation>手绘数据</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="63"/>
        <source>standardized</source>
        <translation>已标准化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="63"/>
        <source>raw features</source>
        <translation>原始特征</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="64"/>
        <source>dropout {0}</source>
        <translation>随机失活 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="65"/>
        <source>decay {0:g}</source>
        <translation>权重衰减 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="66"/>
        <source>no regularization</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="67"/>
        <source>reg. rate {0:g}</source>
        <translation>正则化率 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="243"/>
        <source>Runs</source>
        <translation>历次训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/runs.py" line="197"/>
        <source>run {0}</source>
        <translation>第 {0} 次</translation>
    </message>
</context>
<context>
    <name>RunsTable</name>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="44"/>
        <source>Shown</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="44"/>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="44"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="44"/>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="44"/>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="45"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="45"/>
        <source>Steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="45"/>
        <source>Time (s)</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="53"/>
        <source>Earlier runs of this session: tick to show their curves, double-click a name to rename it</source>
        <translation>本次会话中较早的训练：勾选即显示其曲线，双击名称可重命名</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="59"/>
        <source>&amp;Bring back settings</source>
        <translation>恢复这些设置(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="60"/>
        <source>Make the selected run&apos;s settings the current ones</source>
        <translation>把选中那次训练的设置设为当前设置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="63"/>
        <source>Export &amp;CSV...</source>
        <translation>导出 CSV(&amp;C)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="64"/>
        <source>Write this table to a CSV file</source>
        <translation>把这张表写入 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="117"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="117"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="127"/>
        <source>Export the runs</source>
        <translation>导出历次训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="128"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="160"/>
        <source>Bring back settings</source>
        <translation>恢复这些设置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/runs_table.py" line="161"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>SequencePage</name>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="39"/>
        <source>Which test sequence to show: its hidden states come with the next snapshot</source>
        <translation>显示哪条测试序列：它的隐藏状态随下一次快照送来</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="47"/>
        <source>Test sequence</source>
        <translation>测试序列</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="65"/>
        <source>Input over time</source>
        <translation>随时间变化的输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="99"/>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="93"/>
        <source>%1: the input over time and the hidden state</source>
        <translation>%1：随时间变化的输入和隐藏状态</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="66"/>
        <source>Test: predicted vs true</source>
        <translation>测试集：预测值与真实值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="67"/>
        <source>Hidden state</source>
        <translation>隐藏状态</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="93"/>
        <source>Recurrent</source>
        <translation>循环网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="96"/>
        <source>input sequence</source>
        <translation>输入序列</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="98"/>
        <source>true next value</source>
        <translation>真实的下一个值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="100"/>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="101"/>
        <source>positive state (time steps across, units down)</source>
        <translation>正的状态值（横向为时间步，纵向为单元）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="129"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="136"/>
        <source>Train a step to see the hidden state.</source>
        <translation>训练一步，即可看到隐藏状态。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="153"/>
        <source>next value: true %1, predicted %2</source>
        <translation>下一个值：真实 %1，预测 %2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/sequence_view.py" line="164"/>
        <source>true: %1 · predicted: %2 (%3)</source>
        <translation>真实：%1 · 预测：%2（%3）</translation>
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
        <source>Phase ▸</source>
        <translation>阶段 ▸</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="46"/>
        <source>One mini-batch, one phase per press: forward, loss, zero_grad, backward, step (Shift+N); press again while the graph grows to see it whole</source>
        <translation>用一个小批量，每按一次走一个阶段：前向传播、计算损失、梯度清零、反向传播、更新参数（Shift+N）；计算图正在生长时再按一次，可直接看到完整的图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="48"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="49"/>
        <source>Stop training (Esc); the weights are kept</source>
        <translation>停止训练（Esc），保留当前权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="50"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="51"/>
        <source>New initial weights from the seed (R); the same seed gives the same start</source>
        <translation>按随机种子重新初始化权重（R）；相同的种子得到相同的初始权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="52"/>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="54"/>
        <source>Save the trained weights (.safetensors, .pt), the model (.onnx, .pt2), a script that reproduces the run (.py), the config (.json) or the whole session (Ctrl+E)</source>
        <translation>保存训练好的权重（.safetensors、.pt）、模型（.onnx、.pt2）、复现本次训练的脚本（.py）、配置（.json）或整个会话（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="70"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message numerus="yes">
        <location filename="../../playground/ui/sidebar.py" line="71"/>
        <source>%n step(s) a second</source>
        <translation>
            <numerusform>每秒 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="72"/>
        <source>Slow motion for a demo: at most this many training steps a second</source>
        <translation>演示用的慢动作：每秒最多训练这么多步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="73"/>
        <source>Until paused</source>
        <translation>直到暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="74"/>
        <source>Train on and on, past the set number of epochs, until you pause</source>
        <translation>不受设定轮数的限制，一直训练，直到你暂停为止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/sidebar.py" line="77"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
</context>
<context>
    <name>StructureWatch</name>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="124"/>
        <source>Dashed frame: new since the last step&apos;s graph</source>
        <translation>虚线框：上一步的计算图里没有的新节点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="130"/>
        <source>This step&apos;s graph: {0} nodes ({1:+d} since the last one shown); dashed frame: new</source>
        <translation>本步的计算图：{0} 个节点（较上次显示 {1:+d}）；虚线框：新增</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_phases.py" line="133"/>
        <source>This step&apos;s graph: {0} nodes ({1:+d} since the last one shown)</source>
        <translation>本步的计算图：{0} 个节点（较上次显示 {1:+d}）</translation>
    </message>
</context>
<context>
    <name>TensorBoardSetting</name>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="41"/>
        <source>Log runs for &amp;TensorBoard...</source>
        <translation>记录到 TensorBoard(&amp;T)...</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="43"/>
        <source>Write each run for TensorBoard in its own folder: losses, accuracies and the learning rate per epoch, weight and gradient histograms, the graph, the settings with the final results. See them with: tensorboard --logdir FOLDER</source>
        <translation>每次训练都写入各自的文件夹，供 TensorBoard 查看：每个轮次的损失、准确率和学习率，权重与梯度直方图，计算图，以及超参数和最终结果。查看方法：tensorboard --logdir 文件夹</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="64"/>
        <source>Folder for TensorBoard runs</source>
        <translation>TensorBoard 记录文件夹</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="71"/>
        <source>Setting up TensorBoard...</source>
        <translation>正在准备 TensorBoard……</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="78"/>
        <source>Cannot log runs for TensorBoard</source>
        <translation>无法记录到 TensorBoard</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="79"/>
        <source>TensorBoard folder: {0}</source>
        <translation>TensorBoard 文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="84"/>
        <source>Runs are no longer written for TensorBoard</source>
        <translation>已停止为 TensorBoard 记录训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="88"/>
        <source>Each run is written for TensorBoard under {0}. See them with: tensorboard --logdir &quot;{0}&quot;</source>
        <translation>每次训练都会记录在 {0} 下。查看方法：tensorboard --logdir &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="94"/>
        <source>TensorBoard is not installed</source>
        <translation>未安装 TensorBoard</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="95"/>
        <source>Writing runs for TensorBoard needs the optional tensorboard package, in the Python that runs the playground. Install it with:

    {0}

(or: pip install tensorboard), then turn this on again.</source>
        <translation>为 TensorBoard 记录训练需要可选的 tensorboard 包，并且要装在运行本程序的 Python 环境中。安装命令：

    {0}

（或者：pip install tensorboard），装好后再打开此选项。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="109"/>
        <source>TensorBoard: this run is not written ({0})</source>
        <translation>TensorBoard：本次训练未被记录（{0}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="111"/>
        <source>TensorBoard: the end of {0} was not written ({1})</source>
        <translation>TensorBoard：{0} 的最后记录未能写入（{1}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/tensorboard.py" line="114"/>
        <source>TensorBoard: writing {0}</source>
        <translation>TensorBoard：正在写入 {0}</translation>
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
    <name>WeightEditor</name>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="74"/>
        <source>Type a new value: Enter applies it, Esc closes</source>
        <translation>输入新值：回车应用，Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="79"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="87"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="113"/>
        <source>Bias {0}</source>
        <translation>偏置 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="113"/>
        <source>Weight {0}</source>
        <translation>权重 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="118"/>
        <source>Reading...</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="171"/>
        <source>Pause training to edit a weight</source>
        <translation>请先暂停训练，再编辑权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="175"/>
        <source>Type a number, e.g. 0.5 or -1.2e-3</source>
        <translation>请输入一个数，例如 0.5 或 -1.2e-3</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="195"/>
        <source>No gradient yet (train one step)</source>
        <translation>还没有梯度（先训练一步）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="197"/>
        <source>Gradient (.grad): {0}</source>
        <translation>梯度（.grad）：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/weight_editor.py" line="218"/>
        <source>{0} set to {1}</source>
        <translation>{0} 已设为 {1}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../playground/cli_text.py" line="110"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../playground/cli_text.py" line="128"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../playground/cli_text.py" line="129"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../playground/cli_text.py" line="132"/>
        <source>show this help message and exit</source>
        <translation>显示本帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli_text.py" line="141"/>
        <source>{0} or {1}</source>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="36"/>
        <source>start from a preset (see `playground presets`)</source>
        <translation>从一个预设开始（见 `playground presets`）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="37"/>
        <source>start from a saved config</source>
        <translation>从保存的配置开始</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="38"/>
        <source>dataset name (see `playground presets`)</source>
        <translation>数据集名称（见 `playground presets`）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="39"/>
        <source>hidden layer sizes, e.g. &quot;8,8&quot;; &quot;&quot; for none</source>
        <translation>各隐藏层的大小，例如 &quot;8,8&quot;；&quot;&quot; 表示没有隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="40"/>
        <source>model family: {0} (dynamic: a middle layer that each training pass repeats a random 0-3 times)</source>
        <translation>模型类型：{0}（dynamic：多一个中间层，每次训练的前向传播随机重复它 0 到 3 次）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="44"/>
        <source>with --model cnn: out-channels of each convolution layer, e.g. &quot;8,16&quot;; --layers is then the linear head after them (image data: {0})</source>
        <translation>与 --model cnn 一起用：每个卷积层的输出通道数，例如 &quot;8,16&quot;；此时 --layers 是卷积层之后的全连接头（图像数据：{0}）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="48"/>
        <source>with --model cnn: the square kernels&apos; size, 1, 3, 5 or 7</source>
        <translation>与 --model cnn 一起用：方形卷积核的大小，1、3、5 或 7</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="50"/>
        <source>with --model attention: attention heads per block, 1 to 8, dividing the width (--layers, e.g. &quot;32&quot; or &quot;32,32&quot; for two blocks)</source>
        <translation>与 --model attention 一起用：每块的注意力头数，1 到 8，须能整除宽度（--layers，例如 &quot;32&quot;，两块则 &quot;32,32&quot;）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="54"/>
        <source>dropout after each hidden layer while training, 0 to 0.9; &quot;0.1,0.3&quot; for one rate per hidden layer</source>
        <translation>训练时在每个隐藏层之后做随机失活（Dropout），0 到 0.9；写成 &quot;0.1,0.3&quot; 可为每个隐藏层分别设定</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="56"/>
        <source>learning rate, 1e-5 to 10</source>
        <translation>学习率，1e-5 到 10</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="57"/>
        <source>epochs to train</source>
        <translation>训练的轮数</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="58"/>
        <source>mini-batch size</source>
        <translation>批大小（每个小批量的样本数）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="60"/>
        <source>L2 weight decay, 0 to 1</source>
        <translation>L2 权重衰减，0 到 1</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="61"/>
        <source>dataset noise, 0 to 0.5</source>
        <translation>数据集噪声，0 到 0.5</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="62"/>
        <source>points the dataset draws, 20 to 100000</source>
        <translation>数据集生成的点数，20 到 100000</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="63"/>
        <source>classes of gauss and spiral, 2 to 6</source>
        <translation>gauss 和 spiral 的类别数，2 到 6</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="65"/>
        <source>seed of the data (points and split); default: --seed</source>
        <translation>数据的随机种子（数据点和划分）；默认同 --seed</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="67"/>
        <source>train on your own data: a CSV file, one row per point, the label in the column named label or y, else the last</source>
        <translation>用你自己的数据训练：CSV 文件，每行一个点，标签在名为 label 或 y 的列，否则为最后一列</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="70"/>
        <source>with --data: use the features as read (default: scaled to mean 0, standard deviation 1)</source>
        <translation>与 --data 一起用：按读入的原样使用特征（默认缩放为均值 0、标准差 1）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="73"/>
        <source>the inputs a 2-D network sees, from {0}; default x1,x2</source>
        <translation>二维网络看到的输入特征，可选 {0}；默认 x1,x2</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="75"/>
        <source>a penalty on the weights added to the loss: {0}</source>
        <translation>加到损失函数上的权重惩罚项：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="78"/>
        <source>the penalty&apos;s rate, 0 to 10</source>
        <translation>惩罚项的系数，0 到 10</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="79"/>
        <source>random seed: same seed, same run</source>
        <translation>随机种子：种子相同，训练过程就相同</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="80"/>
        <source>cpu, cuda:N or mps (only what is present)</source>
        <translation>设备：cpu、cuda:N 或 mps（仅限本机上有的）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="84"/>
        <source>Watch real PyTorch train a neural network.</source>
        <translation>观看真实的 PyTorch 训练一个神经网络。</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="86"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序的版本号并退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="88"/>
        <source>open the window with this preset</source>
        <translation>打开窗口，并载入这个预设</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="90"/>
        <source>open the window with this lesson (see `playground lessons`)</source>
        <translation>打开窗口，并载入这个课程（见 `playground lessons`）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="92"/>
        <source>open a saved session in the window</source>
        <translation>在窗口中打开保存的会话</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="94"/>
        <source>open the window with your own data from a CSV file (as File &gt; Import data)</source>
        <translation>打开窗口并载入你自己的 CSV 数据（同“文件 &gt; 导入数据”）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="96"/>
        <source>the window&apos;s language (default: the one chosen in View &gt; Language, else the system&apos;s)</source>
        <translation>窗口语言（默认用“视图 &gt; 语言”中的选择，否则跟随系统）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="99"/>
        <source>Linux: add the playground to the applications menu (a .desktop file and its icon under ~/.local/share) and exit</source>
        <translation>Linux：把 PyTorch Playground 加入应用程序菜单（在 ~/.local/share 下写入 .desktop 文件和图标）后退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="102"/>
        <source>Linux: remove what --install-desktop-entry wrote and exit</source>
        <translation>Linux：删除 --install-desktop-entry 写入的文件后退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="104"/>
        <source>train offscreen to the end, save a PNG, exit</source>
        <translation>在屏幕外训练到结束，保存一张 PNG 图片后退出</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="106"/>
        <source>with --screenshot: epochs to train</source>
        <translation>与 --screenshot 一起使用：训练的轮数</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="108"/>
        <source>with --screenshot: after training, step N phases of the next mini-batch (1 forward ... 5 step) and show the iteration panel</source>
        <translation>与 --screenshot 一起使用：训练结束后，对下一个小批量执行 N 个阶段（1 = 前向传播 … 5 = 更新参数），并显示单次迭代面板</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="112"/>
        <source>list the presets, one per line</source>
        <translation>列出所有预设，每行一个</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="113"/>
        <source>list the lessons (built-in and the user lessons folder), one per line</source>
        <translation>列出所有课程（内置的和用户课程文件夹里的），每行一个</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="116"/>
        <source>one JSON object per line: name, title, title_zh</source>
        <translation>每行一个 JSON 对象：name、title、title_zh</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="118"/>
        <source>train headless and print a summary</source>
        <translation>不打开窗口进行训练，并输出摘要</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="120"/>
        <source>print the summary as one JSON line on stdout</source>
        <translation>把摘要作为一行 JSON 输出到标准输出（stdout）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="122"/>
        <source>save the result; the extension picks the format (.safetensors .pt .onnx .pt2 .py .json or a session .pgsession); repeatable</source>
        <translation>导出结果；由扩展名决定格式（.safetensors .pt .onnx .pt2 .py .json，或会话文件 .pgsession）；可多次使用</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="125"/>
        <source>start from these weights (.safetensors or .pt)</source>
        <translation>从这些权重开始（.safetensors 或 .pt）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="127"/>
        <source>write the run for TensorBoard into a new folder under DIR (needs pip install &quot;pytorch-playground[tensorboard]&quot;)</source>
        <translation>把这次训练写成 TensorBoard 日志，放在 DIR 下的新文件夹里（需要 pip install &quot;pytorch-playground[tensorboard]&quot;）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="130"/>
        <source>render the autograd graph of one forward+backward pass</source>
        <translation>绘制一次前向+反向传播的计算图（自动求导图）</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="132"/>
        <source>output: .json, .svg, .png or .dot</source>
        <translation>输出文件：.json、.svg、.png 或 .dot</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="281"/>
        <source>skipped lesson: {0}</source>
        <translation>已跳过课程：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="353"/>
        <source>tensorboard: writing {0}</source>
        <translation>tensorboard：正在写入 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="372"/>
        <source>, test accuracy {0:.1%}</source>
        <translation>，测试准确率 {0:.1%}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="373"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="374"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="374"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="375"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="376"/>
        <source>{0}: {1} epochs, {2} steps on {3} in {4:.1f} s ({5:.0f} steps/s); test loss {6}{7}</source>
        <translation>{0}：{1} 轮，{2} 步，设备 {3}，用时 {4:.1f} 秒（每秒 {5:.0f} 步）；测试损失 {6}{7}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="381"/>
        <source>saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="383"/>
        <source>training diverged at step {0}: the loss blew up (too large, or not a number). Try a lower learning rate, e.g. --lr {1:g}</source>
        <translation>训练在第 {0} 步发散：损失爆炸了（变得过大，或不再是数值）。请尝试更小的学习率，例如 --lr {1:g}</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="414"/>
        <source>saved {0}: {1} nodes, {2} edges</source>
        <translation>已保存 {0}：{1} 个节点，{2} 条边</translation>
    </message>
    <message>
        <location filename="../../playground/cli.py" line="438"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
</TS>
