import { Button } from 'antd';

/** The row under a filter or form fields with its one primary submit button ("查询", "保存"…). */
export function SubmitRow({ label, loading, className }: { label: string; loading?: boolean; className?: string }) {
  return (
    <div className={className ?? 'filter-actions'}>
      <Button type="primary" htmlType="submit" loading={loading}>
        {label}
      </Button>
    </div>
  );
}
