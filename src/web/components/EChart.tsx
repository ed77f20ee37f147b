import { AriaComponent } from 'echarts/components';
import { type ECElementEvent, type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Every chart is drawn as SVG (crisp at 200 % zoom and in print, and light for the few points a dashboard has) and
// has ECharts' aria on. The pages register the chart types and components they use, so only those are bundled.
use([AriaComponent, SVGRenderer]);

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/** Whether the system asks for less motion (prefers-reduced-motion), following changes while the page is open. */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia(reducedMotionQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(reducedMotionQuery);
    const change = () => setReduced(media.matches);
    media.addEventListener('change', change);
    return () => media.removeEventListener('change', change);
  }, []);
  return reduced;
}

/**
 * An ECharts chart: created on mount (again when the language changes, as ECharts takes its locale only then),
 * disposed on unmount, updated whenever `option` changes (memoise it), resized with its container. ECharts sets
 * role=img and a generated aria-label on the container; `describedBy` points at the data table that says the
 * same. Animation is off when the system prefers reduced motion or `still` is set (care mode).
 */
export function EChart(props: {
  option: EChartsCoreOption;
  height: number;
  language: string;
  describedBy?: string;
  still?: boolean;
  onItemClick?: (event: ECElementEvent) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const onItemClick = useRef(props.onItemClick);
  onItemClick.current = props.onItemClick;
  const reduced = useReducedMotion();
  const animate = !(reduced || props.still);
  const locale = props.language.startsWith('en') ? 'EN' : 'ZH';

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg', locale });
    instance.on('click', (event) => onItemClick.current?.(event));
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [locale]);

  useEffect(() => {
    chart?.setOption({ ...props.option, animation: animate, animationDuration: 300 }, { notMerge: true });
  }, [chart, props.option, animate]);

  return (
    <div
      ref={container}
      className="echart"
      style={{ height: props.height }}
      aria-describedby={props.describedBy}
      data-animation={animate ? 'on' : 'off'}
    />
  );
}
