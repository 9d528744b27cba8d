// Process: renderer. The graph for Gephi or Kumu: GEXF 1.3 or GraphML, with ring, category, roles, stage, trust
// score and lifetime value on every person and the kind on every tie.
import { ChoiceForm } from '../../components/forms/ChoiceForm.tsx';
import { defineCommand } from '../command.ts';
import { exportFile } from '../export-file.ts';

export default defineCommand('export.graph', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => (
    <ChoiceForm title="Export the graph" testId="export-graph-form" onClose={onClose}
      intro="People with their ring, category, roles, stage, trust score and lifetime value; ties with their kind."
      choices={[
        { label: 'GEXF', hint: 'for Gephi', testId: 'export-gexf', choose: () => exportFile(app, 'gexf') },
        { label: 'GraphML', hint: 'for Kumu, yEd and Gephi', testId: 'export-graphml', choose: () => exportFile(app, 'graphml') },
      ]} />
  ),
});
