using System.Text;
using DiffPlex;

namespace DockerReorder.Cli.Diffs;

/// <summary>
/// Renders a unified diff (the format <c>git apply</c> and <c>patch</c> read) of two texts:
/// <c>--- a/PATH</c>/<c>+++ b/PATH</c>, hunks with three lines of context, line breaks kept as they
/// are (a CR before the LF stays in the line) and <c>\ No newline at end of file</c> markers.
/// </summary>
public static class UnifiedDiffPrinter
{
    private const int ContextLines = 3;

    private enum LineOp { Equal, Delete, Insert }

    private readonly record struct DiffLine(LineOp Op, string Text, int OldPos, int NewPos);

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/> for <paramref name="path"/> (with <c>/</c> separators); empty when they are equal. A null <paramref name="before"/> diffs a new file against <c>/dev/null</c>.</summary>
    public static string Print(string path, string? before, string after)
    {
        if (before is not null && string.Equals(before, after, StringComparison.Ordinal)) return string.Empty;
        var result = Differ.Instance.CreateDiffs(before ?? string.Empty, after, ignoreWhiteSpace: false, ignoreCase: false, LineFeedChunker.Instance);
        var lines = Align(result.PiecesOld, result.PiecesNew, result.DiffBlocks);
        var sb = new StringBuilder();
        sb.Append(before is null ? "--- /dev/null\n" : $"--- a/{path}\n");
        sb.Append($"+++ b/{path}\n");
        foreach (var (first, last) in HunkRanges(lines)) AppendHunk(sb, lines, first, last);
        return sb.ToString();
    }

    // Walks the diff blocks and lays every line of both texts out in order, deletions before insertions.
    private static List<DiffLine> Align(IReadOnlyList<string> oldPieces, IReadOnlyList<string> newPieces, IEnumerable<DiffPlex.Model.DiffBlock> blocks)
    {
        var lines = new List<DiffLine>(oldPieces.Count + newPieces.Count);
        int i = 0, j = 0;
        foreach (var block in blocks.OrderBy(b => b.DeleteStartA))
        {
            while (i < block.DeleteStartA) { lines.Add(new DiffLine(LineOp.Equal, oldPieces[i], i, j)); i++; j++; }
            for (int k = 0; k < block.DeleteCountA; k++) { lines.Add(new DiffLine(LineOp.Delete, oldPieces[i], i, j)); i++; }
            for (int k = 0; k < block.InsertCountB; k++) { lines.Add(new DiffLine(LineOp.Insert, newPieces[j], i, j)); j++; }
        }
        while (i < oldPieces.Count) { lines.Add(new DiffLine(LineOp.Equal, oldPieces[i], i, j)); i++; j++; }
        return lines;
    }

    // Groups changed lines into hunks; changes closer than twice the context share one hunk.
    private static IEnumerable<(int First, int Last)> HunkRanges(List<DiffLine> lines)
    {
        int n = lines.Count, k = 0;
        while (k < n)
        {
            if (lines[k].Op == LineOp.Equal) { k++; continue; }
            int first = Math.Max(0, k - ContextLines);
            int lastChange = k;
            int scan = k + 1;
            while (scan < n)
            {
                if (lines[scan].Op != LineOp.Equal) { lastChange = scan; scan++; continue; }
                int nextChange = scan;
                while (nextChange < n && lines[nextChange].Op == LineOp.Equal) nextChange++;
                if (nextChange < n && nextChange - scan <= 2 * ContextLines) { scan = nextChange; continue; }
                break;
            }
            int last = Math.Min(n - 1, lastChange + ContextLines);
            yield return (first, last);
            k = last + 1;
        }
    }

    private static void AppendHunk(StringBuilder sb, List<DiffLine> lines, int first, int last)
    {
        int oldCount = 0, newCount = 0;
        for (int k = first; k <= last; k++)
        {
            if (lines[k].Op != LineOp.Insert) oldCount++;
            if (lines[k].Op != LineOp.Delete) newCount++;
        }
        // An empty range names the line before it (0 at the start of the file), as diff(1) does.
        int oldStart = oldCount == 0 ? lines[first].OldPos : lines[first].OldPos + 1;
        int newStart = newCount == 0 ? lines[first].NewPos : lines[first].NewPos + 1;
        sb.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (int k = first; k <= last; k++)
        {
            var line = lines[k];
            sb.Append(line.Op switch { LineOp.Delete => '-', LineOp.Insert => '+', _ => ' ' });
            sb.Append(line.Text);
            if (!line.Text.EndsWith('\n')) sb.Append("\n\\ No newline at end of file\n");
        }
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(System.Globalization.CultureInfo.InvariantCulture)
                   : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start},{count}");
}
