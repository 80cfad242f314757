using DockerReorder.Analysis.Model;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Fixes;

/// <summary>
/// The stages a fix round must plan again: those the last round's edits touched, those that had a finding, and those
/// built on either (a stage starts from its parent stage's state). Every other stage has the same text, parent state
/// and build context as in the last round, where it had no finding, so it has none now: a big file's second round
/// planned thousands of such stages again.
/// </summary>
public sealed class ReanalyzedStages
{
    private readonly bool[] _marked;

    private ReanalyzedStages(bool[] marked) => _marked = marked;

    /// <summary>
    /// The stages to plan again after <paramref name="edits"/> (offsets in <paramref name="previous"/>'s text) were written,
    /// when <paramref name="previousFindings"/> are every finding of <paramref name="previous"/>.
    /// </summary>
    public static ReanalyzedStages After(DockerfileSyntax previous, IEnumerable<TextEdit> edits, IReadOnlyList<Finding> previousFindings)
    {
        var starts = new List<int>();
        foreach (var instruction in previous.Instructions)
        {
            if (instruction.Kind == InstructionKind.From) starts.Add(instruction.Span.Start);
        }
        var marked = new bool[starts.Count];
        foreach (var edit in edits)
        {
            // Both ends count: an insertion at a stage's first offset may belong to the stage above (a moved copy lands
            // after that stage's last step), so the stages on either side of an edge are planned again.
            int first = StageAt(starts, edit.Span.Start - 1);
            int last = StageAt(starts, edit.Span.End);
            for (int i = Math.Max(first, 0); i <= last; i++) marked[i] = true;
        }
        foreach (var finding in previousFindings)
        {
            int at = StageAt(starts, finding.Span.Start);
            if (at >= 0) marked[at] = true;
        }
        return new ReanalyzedStages(marked);
    }

    /// <summary>
    /// For each stage of <paramref name="model"/> (the text after the edits), whether to plan it; null when the stages do
    /// not line up with the last round's (a fix never adds or removes a FROM, so this means: plan everything).
    /// </summary>
    public bool[]? For(DockerfileModel model)
    {
        var stages = model.Stages;
        if (stages.Count != _marked.Length) return null;
        var planned = (bool[])_marked.Clone();
        // A FROM naming an earlier stage (by AS name or index, as DockerfileModel resolves it) inherits its state.
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in stages)
        {
            if (byName.TryGetValue(stage.BaseImage, out var parent) && planned[parent]) planned[stage.Index] = true;
            byName[stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = stage.Index;
            if (stage.Name is not null) byName[stage.Name] = stage.Index;
        }
        return planned;
    }

    // The index of the stage whose FROM starts at or before `offset`, or -1 before the first FROM.
    private static int StageAt(List<int> starts, int offset)
    {
        int found = starts.BinarySearch(offset);
        return found >= 0 ? found : ~found - 1;
    }
}
