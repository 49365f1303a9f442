/** Messages of the chart frame every charting element shares. Registered with addMessages() by the module that uses them. */
export const chartZh = {
  'chart.showTable': '显示数据表',
  'chart.hideTable': '隐藏数据表',
  'chart.download': '下载 CSV',
  'chart.small': '以下项目面积太小，未在图中标注：',
  'chart.share': '占 {share}',
} as const;

export const chartEn: Record<keyof typeof chartZh, string> = {
  'chart.showTable': 'Show data table',
  'chart.hideTable': 'Hide data table',
  'chart.download': 'Download CSV',
  'chart.small': 'Too small to label in the chart:',
  'chart.share': '{share} of total',
};
