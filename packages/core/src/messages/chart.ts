/** Messages of the chart frame every charting element shares. Registered with addMessages() by the module that uses them. */
export const chartZh = {
  'chart.showTable': '显示数据表',
  'chart.hideTable': '隐藏数据表',
  'chart.download': '下载 CSV',
  'chart.small': '以下项目面积太小，未在图中标注：',
  'chart.share': '占 {share}',
  'copy.done': '已复制',
  'copy.manual': '请长按下面的文字，选“复制”：',
  'file.weChat': '微信内置浏览器不能直接下载文件。可点右上角“···”，选“在浏览器打开”后再下载；也可以复制数据，粘贴到 WPS 表格或 Excel 中。',
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
  'file.weChat': 'WeChat’s browser cannot download files. Tap “···” at the top right and choose “Open in browser” to download, or copy the data and paste it into a spreadsheet.',
  'file.copy': 'Copy the data',
};
