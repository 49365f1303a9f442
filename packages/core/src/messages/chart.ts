/** Messages of the chart frame every charting element shares. Registered with addMessages() by the module that uses them. */
export const chartZh = {
  'chart.showTable': '显示数据表',
  'chart.hideTable': '隐藏数据表',
  'chart.download': '下载 CSV',
  'chart.small': '以下项目面积太小，未在图中标注：',
  'chart.share': '占 {share}',
  'copy.done': '已复制',
  'copy.manual': '请长按下面的文字，选“复制”：',
  'file.weChat': '微信里不能下载文件：请点右上角“···”选“在浏览器打开”后下载，或复制数据，粘贴到表格软件中。',
  'file.copy': '复制数据',
} as const;

export const chartEn: Record<keyof typeof chartZh, string> = {
  'chart.showTable': 'Show data table',
  'chart.hideTable': 'Hide data table',
  'chart.download': 'Download CSV',
  'chart.small': 'Too small to label in the chart:',
  'chart.share': '{share} of total',
  'copy.done': 'Copied',
  'copy.manual': 'Press and hold the text below and choose “Copy”:',
  'file.weChat':
    'WeChat cannot download files: tap “···” at the top right, choose “Open in browser” and download there, or copy the data into a spreadsheet.',
  'file.copy': 'Copy the data',
};
