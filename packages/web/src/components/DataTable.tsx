/** A striped, bordered table with a caption for screen readers and column headers; scrolls sideways on narrow screens. */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Render rows (Table.Tr elements) under the given column headers. */
export function DataTable({
  caption,
  headers,
  minWidth = 640,
  children,
}: {
  caption: string;
  headers: string[];
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
