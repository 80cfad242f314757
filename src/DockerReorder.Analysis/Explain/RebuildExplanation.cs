using System.Globalization;
using System.Text;

namespace DockerReorder.Analysis.Explain;

/// <summary>Renders the before/after prediction of a fix, one line per stage.</summary>
public static class RebuildExplanation
{
    /// <summary>
    /// One line per stage: <c>stage 0 (base): before: 4 of 6 steps rerun (COPY . ./ line 5, ...); after: 1 of 6 (COPY . ./ line 7)</c>.
    /// Stages are paired by index; a stage present on one side only shows <c>none</c> for the other.
    /// </summary>
    public static IReadOnlyList<string> Format(IReadOnlyList<StageRebuild> before, IReadOnlyList<StageRebuild> after)
    {
        var lines = new List<string>();
        for (int i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var stage = i < before.Count ? before[i].Stage : after[i].Stage;
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"stage {stage.Index}");
            if (stage.Name is not null) sb.Append(" (").Append(stage.Name).Append(')');
            sb.Append(": before: ").Append(i < before.Count ? Describe(before[i], withUnit: true) : "none");
            sb.Append("; after: ").Append(i < after.Count ? Describe(after[i], withUnit: false) : "none");
            lines.Add(sb.ToString());
        }
        return lines;
    }

    private static string Describe(StageRebuild rebuild, bool withUnit)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{rebuild.Rerun.Count} of {rebuild.TotalSteps}");
        if (withUnit) sb.Append(" steps rerun");
        if (rebuild.Rerun.Count > 0)
            sb.Append(" (").Append(string.Join(", ", rebuild.Rerun.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Text} line {s.Line}")))).Append(')');
        return sb.ToString();
    }
}
