using System.Globalization;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>Compares <c>--explain</c>'s prediction for one Dockerfile with the engine's rebuild after a source-only edit.</summary>
public static class ExplainCheck
{
    /// <summary>
    /// One line per disagreement: a step the engine built whose line the prediction marks differently,
    /// or a step the engine reported that no instruction line matched. Stages the engine skipped
    /// (not needed by the target) are not compared.
    /// </summary>
    /// <param name="label">"before" or "after", for the messages.</param>
    /// <param name="dockerfileText">The Dockerfile that was probed.</param>
    /// <param name="contextDirectory">Its build context.</param>
    /// <param name="probe">The engine's rebuild.</param>
    /// <param name="copiedManifests">For a fixed Dockerfile, the files its fix copied as manifests (see <see cref="DockerReorderFixer.Predict"/>).</param>
    public static IReadOnlyList<string> Mismatches(string label, string dockerfileText, string contextDirectory, CacheProbeResult probe, IEnumerable<string>? copiedManifests = null)
    {
        var predicted = DockerReorderFixer.Predict(dockerfileText, contextDirectory, copiedManifests);
        var rerunLines = predicted.SelectMany(s => s.Rerun).Select(s => s.Line).ToHashSet();
        var stepLines = predicted.SelectMany(s => s.Stage.Steps).Where(s => !s.IsFrom).Select(s => s.Line).ToHashSet();
        var mismatches = new List<string>();
        foreach (var step in probe.Steps)
        {
            if (step.Instruction is null)
            {
                mismatches.Add($"{label}: the engine's step `{step.Step.Text}` maps to no line");
                continue;
            }

            var line = step.Instruction.Line;
            var where = $"{label}: line {line.ToString(CultureInfo.InvariantCulture)} `{step.Step.Text}`";
            if (!stepLines.Contains(line))
            {
                mismatches.Add($"{where}: the engine built it but --explain does not count it as a step");
            }
            else if (rerunLines.Contains(line) == step.Step.Cached)
            {
                mismatches.Add($"{where}: --explain predicts {(rerunLines.Contains(line) ? "rerun" : "cached")}, the engine {(step.Step.Cached ? "took it from the cache" : "reran it")}");
            }
        }

        return mismatches;
    }
}
