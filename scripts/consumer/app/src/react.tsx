/// <reference types="gongkai/react" />
// <gk-*> in React 19 JSX: attributes, properties and events are typed.
import type { GkBudgetElement } from 'gongkai/budget';

export function BudgetSection(props: { data: GkBudgetElement['data'] }) {
  return (
    <section>
      <gk-budget data={props.data} view="treemap" heading-level={3} ongk-load={(event) => console.log(event.detail.document.title)} />
      <gk-catalogue src="/catalogue.json" view="table" />
      {/* @ts-expect-error a view the budget does not have */}
      <gk-budget view="pie" />
    </section>
  );
}
