import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent, LegendPlainComponent, MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';

// Only what the indicator charts draw (tree-shaken, in the lazily loaded indicators chunk): line and bar series on
// a cartesian grid, the target as a mark line, a plain legend. No tooltip: every value is labelled on the chart and
// listed in the table beside it, so nothing depends on hovering.
use([LineChart, BarChart, GridSimpleComponent, MarkLineComponent, LegendPlainComponent]);
