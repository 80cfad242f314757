using System.Text.RegularExpressions;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// BuildKit prints a COPY/ADD/WORKDIR step with its variables expanded (`COPY . /srv/app` for `COPY . ${APP_HOME}`),
/// a RUN as written. This gives an instruction's text with the ARG defaults and ENV values its stage declared above it,
/// so such a step still maps to its line. Plain `$NAME`/`${NAME}` only: all the engine fixtures use.
/// </summary>
public static partial class ExpandedInstructionText
{
    /// <summary>The text of <paramref name="instruction"/> with the variables declared above it in its stage substituted.</summary>
    public static string Of(DockerfileInstruction instruction, IReadOnlyList<DockerfileInstruction> all)
    {
        if (instruction.Keyword is not ("COPY" or "ADD" or "WORKDIR")) return instruction.Text;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var earlier in all.Where(i => i.Stage == instruction.Stage && i.Line < instruction.Line))
        {
            if (earlier.Keyword == "FROM")
            {
                // An image images.txt builds with ENV lines (`name | ENV K=V | WORKDIR /x`) gives the stage those values.
                var image = earlier.Text[4..].Trim().Split(' ')[0];
                foreach (var env in ImageEnvironment(image))
                    foreach (Match m in Assignment().Matches(env))
                        values[m.Groups[1].Value] = m.Groups[2].Value.Trim('"');
                continue;
            }

            if (earlier.Keyword is not ("ARG" or "ENV")) continue;
            foreach (Match m in Assignment().Matches(earlier.Text[earlier.Keyword.Length..]))
                values[m.Groups[1].Value] = Expand(m.Groups[2].Value.Trim('"'), values);
        }
        return Expand(instruction.Text, values);
    }

    // The ENV lines images.txt gives `image` (empty for a plain tag of the base image).
    private static IEnumerable<string> ImageEnvironment(string image)
    {
        var file = Path.Combine(EngineCase.CasesFolder, "..", "images.txt");
        if (!File.Exists(file)) yield break;
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0] != image) continue;
            foreach (var part in parts.Skip(1).Where(p => p.StartsWith("ENV ", StringComparison.Ordinal)))
                yield return part[4..];
        }
    }

    private static string Expand(string text, Dictionary<string, string> values) =>
        Reference().Replace(text, m => values.TryGetValue(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();
}
