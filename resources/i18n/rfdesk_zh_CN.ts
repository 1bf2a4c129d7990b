<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssignmentForm</name>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Place (other)</source>
        <translation>其他地点</translation>
    </message>
    <message>
        <source>Type a name or pinyin initials</source>
        <translation>输入姓名或拼音首字母</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Whereabouts</source>
        <translation>去向</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Automatic backup made</source>
        <translation>已自动备份</translation>
    </message>
    <message>
        <source>Backing up automatically…</source>
        <translation>正在自动备份…</translation>
    </message>
    <message>
        <source>Close without waiting</source>
        <translation>不等了，直接关闭</translation>
    </message>
    <message>
        <source>Details are in the log folder: %1</source>
        <translation>详细情况见日志文件夹：%1</translation>
    </message>
    <message>
        <source>The automatic backup when rfdesk last closed was not made: %1</source>
        <translation>上次关闭程序时未能自动备份：%1</translation>
    </message>
    <message>
        <source>Today's automatic backup failed: %1</source>
        <translation>今天的自动备份失败：%1</translation>
    </message>
    <message>
        <source>closed without waiting for it</source>
        <translation>未等备份完成就关闭了</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>Campaign</source>
        <translation>募捐活动</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>表彰批次</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>募捐活动</translation>
    </message>
    <message>
        <source>Capacity (people)</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Counted for</source>
        <translation>计入单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>表彰日期</translation>
    </message>
    <message>
        <source>Deeds</source>
        <translation>主要事迹</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>捐赠人类型</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Formed on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Honoree</source>
        <translation>表彰对象</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Main recipients</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Where today</source>
        <translation>今日去向</translation>
    </message>
</context>
<context>
    <name>CommendationBatchForm</name>
    <message>
        <source>Add an honoree from the registers</source>
        <translation>从登记簿添加表彰对象</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>加入名单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Commendation batch</source>
        <translation>表彰批次</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>表彰日期</translation>
    </message>
    <message>
        <source>Deeds</source>
        <translation>主要事迹</translation>
    </message>
    <message>
        <source>Honoree</source>
        <translation>表彰对象</translation>
    </message>
    <message>
        <source>Honoree type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>List order</source>
        <translation>名单排序</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Type a name or pinyin initials</source>
        <translation>输入姓名或拼音首字母</translation>
    </message>
</context>
<context>
    <name>Commendations</name>
    <message>
        <source>%n on the list</source>
        <translation>名单共 %n 个</translation>
    </message>
    <message>
        <source>Add an honoree from the registers</source>
        <translation>从登记簿添加表彰对象</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <source>Commendation batch</source>
        <translation>表彰批次</translation>
    </message>
    <message>
        <source>Commendation notice</source>
        <translation>表彰通报</translation>
    </message>
    <message>
        <source>Commendations</source>
        <translation>表彰</translation>
    </message>
    <message>
        <source>Edit batch…</source>
        <translation>编辑批次…</translation>
    </message>
    <message>
        <source>New commendation batch</source>
        <translation>新建表彰批次</translation>
    </message>
    <message>
        <source>Notice (PDF)…</source>
        <translation>表彰通报（PDF）…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>About rfdesk</source>
        <translation>关于 rfdesk</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Deleted records are kept here and can be restored.</source>
        <translation>删除的记录保存在这里，可以恢复。</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>修改记录：%1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Registers, official documents and backups for civil air defence offices.</source>
        <translation>人防办登记、公文与备份管理系统。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>1.</source>
        <translation>1.</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Copy to (抄送)</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Issue and number</source>
        <translation>印发并编号</translation>
    </message>
    <message>
        <source>Issuer code</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>Issuer mark</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <source>Issuing organisation</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Main recipients (主送)</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>Official document</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <source>Printed on</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>With seal</source>
        <translation>加盖印章</translation>
    </message>
    <message>
        <source>e.g. 河南省人民防空办公室文件</source>
        <translation>如 河南省人民防空办公室文件</translation>
    </message>
    <message>
        <source>e.g. 豫人防</source>
        <translation>如 豫人防</translation>
    </message>
    <message>
        <source>一、</source>
        <translation>一、</translation>
    </message>
    <message>
        <source>（1）</source>
        <translation>（1）</translation>
    </message>
    <message>
        <source>（一）</source>
        <translation>（一）</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>(assigned when issued)</source>
        <translation>（印发时编号）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>Edit document</source>
        <translation>编辑公文</translation>
    </message>
    <message>
        <source>Issue document</source>
        <translation>印发公文</translation>
    </message>
    <message>
        <source>Issue this document? It gets the next document number and can no longer be changed.</source>
        <translation>确定印发？公文将编排下一个发文字号，印发后不能再修改。</translation>
    </message>
    <message>
        <source>Issued document %1 (read only)</source>
        <translation>已印发公文 %1（只读）</translation>
    </message>
    <message>
        <source>Laying out and archiving the document…</source>
        <translation>正在排版并存档公文…</translation>
    </message>
    <message>
        <source>Main recipients</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建公文</translation>
    </message>
    <message>
        <source>Official document</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preview / print…</source>
        <translation>预览 / 打印…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Search: title, document number, issuer or its pinyin initials</source>
        <translation>搜索：标题、发文字号、发文机关或其拼音首字母</translation>
    </message>
    <message>
        <source>Start a heading of level %1 at the cursor</source>
        <translation>在光标处开始第%1级标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>DonationBatchForm</name>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Batch entry of donations</source>
        <translation>批量录入捐赠</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>募捐活动</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Donor (person)</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Receipts on the sheet</source>
        <translation>清单笔数</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Total on the sheet (yuan)</source>
        <translation>清单合计（元）</translation>
    </message>
    <message>
        <source>the total written on the collection sheet</source>
        <translation>收款清单上写的合计金额</translation>
    </message>
</context>
<context>
    <name>DonationForm</name>
    <message>
        <source>Add item</source>
        <translation>添加物品</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>募捐活动</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Donor name</source>
        <translation>捐赠人名称</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>捐赠人类型</translation>
    </message>
    <message>
        <source>Estimated value (yuan)</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>捐赠形式</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Items given (in kind)</source>
        <translation>捐赠物品清单</translation>
    </message>
    <message>
        <source>Note on the anonymous donor</source>
        <translation>匿名捐赠知情说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>捐赠单位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除物品</translation>
    </message>
    <message>
        <source>Type a name or pinyin initials</source>
        <translation>输入姓名或拼音首字母</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>e.g. 500 or 1,200.50</source>
        <translation>如 500 或 1,200.50</translation>
    </message>
</context>
<context>
    <name>Donations</name>
    <message>
        <source>Batch entry</source>
        <translation>批量录入</translation>
    </message>
    <message>
        <source>Batch entry of donations</source>
        <translation>批量录入捐赠</translation>
    </message>
    <message>
        <source>Donation, receipt %1</source>
        <translation>捐赠记录，收据 %1</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Edit donation</source>
        <translation>修改捐赠</translation>
    </message>
    <message>
        <source>Entered: %1 receipts, ¥%2</source>
        <translation>已录入：%1 笔，合计 ¥%2</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建募捐活动</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建募捐活动…</translation>
    </message>
    <message>
        <source>New donation</source>
        <translation>登记捐赠</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印收据</translation>
    </message>
    <message>
        <source>Reason for voiding (required):</source>
        <translation>作废原因（必填）：</translation>
    </message>
    <message>
        <source>Search: donor, pinyin initials or receipt number</source>
        <translation>搜索：捐赠人、拼音首字母或收据号</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Void receipt</source>
        <translation>作废收据</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
</context>
<context>
    <name>Drives</name>
    <message>
        <source>Back up here</source>
        <translation>备份到这里</translation>
    </message>
    <message>
        <source>Back up to USB stick</source>
        <translation>备份到U盘</translation>
    </message>
    <message>
        <source>Back up to: choose a folder</source>
        <translation>备份到：选择文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>可用空间 / 总容量</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press Look again, or choose a folder.</source>
        <translation>没有找到U盘。请插入U盘后点“重新查找”，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <source>Plug in the USB stick, then choose it. The backup needs about %1.</source>
        <translation>请插入U盘，然后在下面选中它。本次备份约需 %1 空间。</translation>
    </message>
    <message>
        <source>too full</source>
        <translation>空间不足</translation>
    </message>
</context>
<context>
    <name>DutyForm</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值班任务</translation>
    </message>
    <message>
        <source>Duty shift</source>
        <translation>值班安排</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Type a name or pinyin initials</source>
        <translation>输入姓名或拼音首字母</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>(no log file)</source>
        <translation>（无日志文件）</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Details are in the log file:</source>
        <translation>详细情况见日志文件：</translation>
    </message>
    <message>
        <source>Something went wrong: the action did not finish. Your open forms are kept.</source>
        <translation>出现意外错误，操作未完成。已打开的表单内容仍然保留。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>%1 records imported.</source>
        <translation>已导入 %1 条记录。</translation>
    </message>
    <message>
        <source>%1 rows have problems; they are left out if you import now.</source>
        <translation>其中 %1 行有问题，现在导入将跳过这些行。</translation>
    </message>
    <message>
        <source>%1 rows read from %2.</source>
        <translation>从 %2 读取 %1 行。</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
    <message>
        <source>A server database is restored by its administrator.</source>
        <translation>服务器数据库须由管理员恢复。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Commendation list</source>
        <translation>表彰名单</translation>
    </message>
    <message>
        <source>Donation register</source>
        <translation>捐赠登记</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Export which register?</source>
        <translation>导出哪个登记簿？</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation>导入 %1 行</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Import into:</source>
        <translation>导入到：</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password of the backup:</source>
        <translation>备份的密码：</translation>
    </message>
    <message>
        <source>Password to lock the backup (leave empty for none):</source>
        <translation>为备份设置密码（不加密请留空）：</translation>
    </message>
    <message>
        <source>Personnel register</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Replace every record in this database by the backup? The current records are kept in a safety copy first.</source>
        <translation>用备份替换本数据库的全部记录？当前记录会先保存一份安全副本。</translation>
    </message>
    <message>
        <source>Resource register</source>
        <translation>战备资源台账</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>The backup was written and checked:</source>
        <translation>备份已写入并校验：</translation>
    </message>
    <message>
        <source>rfdesk backups (*.rfbak)</source>
        <translation>rfdesk 备份 (*.rfbak)</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Type to search</source>
        <translation>输入以查找</translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Columns of the spreadsheet</source>
        <translation>表格各列的对应关系</translation>
    </message>
    <message>
        <source>Create them and check again</source>
        <translation>创建这些单位并重新检查</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行的内容</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Leave those rows out</source>
        <translation>不创建，跳过这些行</translation>
    </message>
    <message>
        <source>No column is imported as %1.</source>
        <translation>没有哪一列导入为%1。</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Organisations not in the register</source>
        <translation>登记簿中没有的单位</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Say which field each column of %1 holds. Columns marked “Do not import” are left out.</source>
        <translation>请指明%1中每一列对应哪一项。标为“不导入”的列不会导入。</translation>
    </message>
    <message>
        <source>The file names organisations that are not in the register. Create them now (choose what kind each is), then the file is checked again.</source>
        <translation>文件中有登记簿里没有的单位。可以现在创建（请为每个单位选择类别），然后重新检查文件。</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>“%1” is chosen for more than one column.</source>
        <translation>“%1”被指定给了不止一列。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>About rfdesk</source>
        <translation>关于 rfdesk</translation>
    </message>
    <message>
        <source>Back up to USB stick…</source>
        <translation>备份到U盘…</translation>
    </message>
    <message>
        <source>Commendations</source>
        <translation>表彰</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Databases (*.sqlite *.db)</source>
        <translation>数据库文件 (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Databases (*.sqlite *.db);;All files (*)</source>
        <translation>数据库文件 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Delete (to recycle bin)</source>
        <translation>删除（移入回收站）</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>New database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Opening the registers…</source>
        <translation>正在打开登记簿…</translation>
    </message>
    <message>
        <source>Organisations and places…</source>
        <translation>单位和地点…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Record history…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>Recycle bin…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>战备资源</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Write a verified backup of the whole database</source>
        <translation>将整个数据库备份并校验</translation>
    </message>
    <message>
        <source>rfdesk — Civil Air Defence Office Registers</source>
        <translation>rfdesk — 人防办登记管理</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Type a name or pinyin initials</source>
        <translation>输入姓名或拼音首字母</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Parent organisation</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
</context>
<context>
    <name>Organisations</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>修改单位</translation>
    </message>
    <message>
        <source>Edit party branch</source>
        <translation>修改党支部</translation>
    </message>
    <message>
        <source>Edit place</source>
        <translation>修改地点</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Move it to the recycle bin?</source>
        <translation>移入回收站？</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>New party branch</source>
        <translation>新建党支部</translation>
    </message>
    <message>
        <source>New party branch…</source>
        <translation>新建党支部…</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>新增地点</translation>
    </message>
    <message>
        <source>New place…</source>
        <translation>新增地点…</translation>
    </message>
    <message>
        <source>New unit under the selected one…</source>
        <translation>在所选单位下新增…</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Organisations and places</source>
        <translation>单位和地点</translation>
    </message>
    <message>
        <source>Party branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>temporary</source>
        <translation>临时</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>All cash donations</source>
        <translation>现金捐款合计</translation>
    </message>
    <message>
        <source>Civil air defence system donations</source>
        <translation>人防系统捐款</translation>
    </message>
    <message>
        <source>Click a bar to open the register</source>
        <translation>点击柱条打开对应登记簿</translation>
    </message>
    <message>
        <source>Donations per organisation (yuan)</source>
        <translation>各单位捐赠（元）</translation>
    </message>
    <message>
        <source>Donations per week (yuan)</source>
        <translation>每周捐赠（元）</translation>
    </message>
    <message>
        <source>Enterprise donations</source>
        <translation>人防企业捐款</translation>
    </message>
    <message>
        <source>Honorees</source>
        <translation>表彰对象</translation>
    </message>
    <message>
        <source>Honorees per commendation batch</source>
        <translation>各批次表彰人数</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>No supply is below its minimum.</source>
        <translation>没有低于最低库存的物资。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>People by where they are today</source>
        <translation>今日人员去向</translation>
    </message>
    <message>
        <source>Reading the registers…</source>
        <translation>正在读取登记簿…</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>战备资源</translation>
    </message>
    <message>
        <source>Resources by kind</source>
        <translation>战备资源（按类别）</translation>
    </message>
    <message>
        <source>Resources by status</source>
        <translation>战备资源（按状态）</translation>
    </message>
    <message>
        <source>Supplies below their minimum stock</source>
        <translation>低于最低库存的物资</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>The overview could not be read.</source>
        <translation>无法读取总览数据。</translation>
    </message>
</context>
<context>
    <name>PartyBranchForm</name>
    <message>
        <source>Dissolved on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>党支部名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>Temporary party branch</source>
        <translation>临时党支部</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>24 hours</source>
        <translation>24小时</translation>
    </message>
    <message>
        <source>Add a team member</source>
        <translation>添加队员</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>添加队员…</translation>
    </message>
    <message>
        <source>Back in post today</source>
        <translation>今日返岗</translation>
    </message>
    <message>
        <source>Commendations</source>
        <translation>表彰</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>Duty rota</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <source>Edit team</source>
        <translation>修改队伍</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离队日期</translation>
    </message>
    <message>
        <source>Left the team today</source>
        <translation>今日离队</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Members of the team</source>
        <translation>队员名单</translation>
    </message>
    <message>
        <source>Members…</source>
        <translation>队员名单…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>On %1: </source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>On duty on %1</source>
        <translation>%1 值班人员</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Put someone on duty</source>
        <translation>安排值班</translation>
    </message>
    <message>
        <source>Put someone on duty…</source>
        <translation>安排值班…</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>资格证书</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Record whereabouts</source>
        <translation>登记去向</translation>
    </message>
    <message>
        <source>Record whereabouts…</source>
        <translation>登记去向…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>Remove (entered by mistake)</source>
        <translation>删除（误录）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Take off the rota</source>
        <translation>取消值班</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Where everyone is</source>
        <translation>人员去向</translation>
    </message>
    <message>
        <source>Whereabouts</source>
        <translation>去向</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>18 characters; birth date and gender are read from it</source>
        <translation>18位，出生日期和性别自动读取</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Joined the party on</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>资格证书</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>职级</translation>
    </message>
</context>
<context>
    <name>PlaceForm</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>地点类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>地点名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Donation receipt</source>
        <translation>捐赠收据</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在生成文件…</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>%n record(s)</source>
        <translation>共 %n 条</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <source>Commendations</source>
        <translation>表彰名单</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠登记台账</translation>
    </message>
    <message>
        <source>Double-click or press Enter to change it; Delete moves it to the recycle bin.</source>
        <translation>双击或按回车键修改；按删除键移入回收站。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Move %n record(s) to the recycle bin? They can be restored from Edit → Recycle bin.</source>
        <translation>将 %n 条记录移入回收站？可从“编辑 → 回收站”恢复。</translation>
    </message>
    <message>
        <source>Move to recycle bin</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New batch…</source>
        <translation>新建表彰批次…</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建公文</translation>
    </message>
    <message>
        <source>New donation</source>
        <translation>登记捐赠</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>新增资源</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Record whereabouts…</source>
        <translation>登记去向…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>战备资源台账</translation>
    </message>
    <message>
        <source>Search: donor, pinyin initials or receipt number</source>
        <translation>搜索：捐赠人、拼音首字母或收据号</translation>
    </message>
    <message>
        <source>Search: name, or pinyin initials such as cyj</source>
        <translation>搜索：姓名，或拼音首字母如 cyj</translation>
    </message>
    <message>
        <source>Search: title, document number, issuer or its pinyin initials</source>
        <translation>搜索：标题、发文字号、发文机关或其拼音首字母</translation>
    </message>
    <message>
        <source>Select a row to see the record here, with its history of changes.</source>
        <translation>在左侧表格中选中一行，这里显示它的详细信息和修改记录。</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>This page has no printed report. Reports are printed from the registers of people, commendations, donations and resources, documents from the 公文 tab.</source>
        <translation>这一页没有可打印的报表。人员、表彰、捐赠、战备资源登记簿的报表在各自页面打印，公文在“公文”页打印。</translation>
    </message>
    <message>
        <source>Total: ¥%1</source>
        <translation>合计：¥%1</translation>
    </message>
    <message>
        <source>Where everyone is</source>
        <translation>人员去向</translation>
    </message>
</context>
<context>
    <name>ResourceForm</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Capacity (people)</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>War-readiness resource</source>
        <translation>战备资源</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%3 现有 %1 %2</translation>
    </message>
    <message>
        <source>%1 %2 in all places</source>
        <translation>各处合计 %1 %2</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>调拨去向</translation>
    </message>
    <message>
        <source>Allocations to communities, villages and teams</source>
        <translation>调拨到社区、村和队伍的物资</translation>
    </message>
    <message>
        <source>Edit resource</source>
        <translation>修改资源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Latest movements</source>
        <translation>最近出入库</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净调入</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>新增资源</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>战备资源</translation>
    </message>
    <message>
        <source>Stock by place</source>
        <translation>各地点库存</translation>
    </message>
    <message>
        <source>Stock in / out…</source>
        <translation>出入库…</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>出入库登记</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>%1 is not a TrueType font that can be printed with.</source>
        <translation>“%1”不是可用于打印的 TrueType 字体。</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>字体文件</translation>
    </message>
    <message>
        <source>Not on this computer: printed in %1, which comes with rfdesk</source>
        <translation>本机未安装，用随附字体 %1 打印</translation>
    </message>
    <message>
        <source>Other font file…</source>
        <translation>其他字体文件…</translation>
    </message>
    <message>
        <source>Printed in %1</source>
        <translation>用 %1 打印</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>comes with rfdesk</source>
        <translation>随附</translation>
    </message>
    <message>
        <source>font file</source>
        <translation>字体文件</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic backups to keep</source>
        <translation>自动备份保留份数</translation>
    </message>
    <message>
        <source>Body text (FangSong)</source>
        <translation>正文（仿宋）</translation>
    </message>
    <message>
        <source>Days (newest backup of each day)</source>
        <translation>按日保留（每天最新一份）</translation>
    </message>
    <message>
        <source>Fonts for printing</source>
        <translation>打印字体</translation>
    </message>
    <message>
        <source>Level-1 headings (HeiTi)</source>
        <translation>一级标题（黑体）</translation>
    </message>
    <message>
        <source>Level-2 headings (KaiTi)</source>
        <translation>二级标题（楷体）</translation>
    </message>
    <message>
        <source>Months (newest of each month)</source>
        <translation>按月保留（每月最新一份）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Title (XiaoBiaoSong)</source>
        <translation>标题（小标宋）</translation>
    </message>
    <message>
        <source>Weeks (newest of each week)</source>
        <translation>按周保留（每周最新一份）</translation>
    </message>
    <message>
        <source>rfdesk backs up the database in its data folder when it closes and once a day. Of these automatic backups it keeps the newest of so many days, weeks and months, and deletes the others. Backups you make yourself are never deleted.</source>
        <translation>程序关闭时和每天一次自动把数据库备份到数据文件夹。自动备份按上面的天数、周数、月数各保留最新的一份，其余的删除。您自己做的备份从不删除。</translation>
    </message>
    <message>
        <source>“Standard” prints in the font GB/T 9704 asks for when this computer has it, otherwise in the font that comes with rfdesk.</source>
        <translation>“标准字体”：本机装有 GB/T 9704 要求的字体时用它打印，否则用随附字体。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <source>Upgrading the database to this version: a safety copy is made first…</source>
        <translation>正在把数据库升级到本版本：先保存一份安全副本……</translation>
    </message>
</context>
<context>
    <name>StockMovementForm</name>
    <message>
        <source>Current balance</source>
        <translation>当前库存</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出地点</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>出入库类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>出入库登记</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入地点</translation>
    </message>
    <message>
        <source>To team</source>
        <translation>接收队伍</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>TeamForm</name>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Formed on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>队伍类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>队伍名称</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
