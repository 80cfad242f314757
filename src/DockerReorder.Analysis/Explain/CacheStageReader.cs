using System.Text;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Explain;

/// <summary>Reads a parsed Dockerfile as stages of cached steps (the input of <see cref="SourceEditPrediction"/>).</summary>
public static class CacheStageReader
{
    private const int DisplayLength = 40;

    /// <summary>The stages of <paramref name="tree"/>; instructions before the first <c>FROM</c> belong to none.</summary>
    public static IReadOnlyList<CacheStage> Read(DockerfileSyntax tree)
    {
        var stages = new List<CacheStage>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        int? baseStage = null;
        List<CacheStep>? steps = null;
        foreach (var instruction in tree.Instructions)
        {
            if (instruction.Kind == InstructionKind.From)
            {
                if (steps is not null) Close(stages, names, name, baseStage, steps);
                var args = instruction.Arguments;
                name = args.Count >= 3 && string.Equals(args[1], "AS", StringComparison.OrdinalIgnoreCase) ? args[2] : null;
                baseStage = args.Count > 0 ? StageIndex(args[0], names, stages.Count, allowIndex: false) : null;
                steps = [new CacheStep(instruction.StartLine, Display(instruction), [], [], IsFrom: true)];
                continue;
            }
            if (steps is null) continue;
            var step = instruction.Kind switch
            {
                InstructionKind.Copy or InstructionKind.Add => CopyStep(instruction, names, stages.Count),
                InstructionKind.Run => RunStep(instruction, names, stages.Count),
                InstructionKind.Workdir => new CacheStep(instruction.StartLine, Display(instruction), [], []),
                _ => null,
            };
            if (step is not null) steps.Add(step);
        }
        if (steps is not null) Close(stages, names, name, baseStage, steps);
        return stages;
    }

    private static void Close(List<CacheStage> stages, Dictionary<string, int> names, string? name, int? baseStage, List<CacheStep> steps)
    {
        int index = stages.Count;
        stages.Add(new CacheStage(index, name, baseStage, steps));
        if (name is not null) names.TryAdd(name, index);
    }

    // A stage reference: an earlier stage's name, or (for --from) its index.
    private static int? StageIndex(string reference, Dictionary<string, int> names, int current, bool allowIndex)
    {
        if (names.TryGetValue(reference, out int index)) return index;
        if (allowIndex && int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n < current) return n;
        return null;
    }

    private static CacheStep CopyStep(InstructionSyntax instruction, Dictionary<string, int> names, int current)
    {
        var from = instruction.Flags.FirstOrDefault(f => f.Name == "from")?.Value;
        if (from is not null)
        {
            var stage = StageIndex(from, names, current, allowIndex: true);
            return new CacheStep(instruction.StartLine, Display(instruction), [], stage is { } s ? [s] : []);
        }
        var args = instruction.Arguments;
        var sources = args.Take(Math.Max(0, args.Count - 1))
            .Where(a => !a.StartsWith("<<", StringComparison.Ordinal) && !IsRemote(a))
            .ToList();
        return new CacheStep(instruction.StartLine, Display(instruction), sources, []);
    }

    private static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        source.StartsWith("git@", StringComparison.Ordinal);

    private static CacheStep RunStep(InstructionSyntax instruction, Dictionary<string, int> names, int current)
    {
        var sources = new List<string>();
        var stages = new List<int>();
        foreach (var flag in instruction.Flags.Where(f => f.Name == "mount" && f.Value is not null))
        {
            var fields = MountFields(flag.Value!);
            var type = fields.GetValueOrDefault("type", "bind");
            if (!string.Equals(type, "bind", StringComparison.Ordinal)) continue;
            var source = fields.GetValueOrDefault("source") ?? fields.GetValueOrDefault("src") ?? ".";
            if (fields.TryGetValue("from", out var from))
            {
                if (StageIndex(from, names, current, allowIndex: true) is { } s) stages.Add(s);
            }
            else
            {
                sources.Add(source);
            }
        }
        return new CacheStep(instruction.StartLine, Display(instruction), sources, stages);
    }

    // "type=bind,source=.,target=/src,rw" as key/value pairs; a bare key maps to "true".
    private static Dictionary<string, string> MountFields(string value)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(','))
        {
            int eq = part.IndexOf('=');
            if (eq < 0) fields.TryAdd(part.Trim(), "true");
            else fields.TryAdd(part[..eq].Trim(), part[(eq + 1)..].Trim().Trim('"'));
        }
        return fields;
    }

    /// <summary>The instruction on one line: keyword, flags and arguments, whitespace collapsed, cut to 40 characters.</summary>
    public static string Display(InstructionSyntax instruction)
    {
        var sb = new StringBuilder(instruction.Keyword.Value.ToUpperInvariant());
        foreach (var flag in instruction.Flags) sb.Append(' ').Append(flag.Text);
        var args = instruction.ArgumentsText.Trim();
        if (args.Length > 0) sb.Append(' ').Append(args);
        return Shorten(sb.ToString());
    }

    /// <summary>Collapses whitespace runs to one space and cuts to 40 characters with an ellipsis.</summary>
    public static string Shorten(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.Length <= DisplayLength ? sb.ToString() : sb.ToString(0, DisplayLength - 3).TrimEnd() + "...";
    }
}
