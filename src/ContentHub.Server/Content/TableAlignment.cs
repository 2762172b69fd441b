using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ContentHub.Server.Content;

/// <summary>
/// Markdig writes a column's alignment as an inline <c>style</c>, which the sanitiser removes with every other style;
/// this moves it to the cells' <c>align</c> attribute, which carries no CSS.
/// </summary>
public static class TableAlignment
{
    public static void UseAlignAttributes(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    var column = cell.ColumnIndex >= 0 && cell.ColumnIndex < table.ColumnDefinitions.Count ? cell.ColumnIndex : i;
                    if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                    {
                        cell.GetAttributes().AddProperty("align", alignment.ToString().ToLowerInvariant());
                    }
                }
            }

            foreach (var definition in table.ColumnDefinitions)
            {
                definition.Alignment = null;
            }
        }
    }
}
