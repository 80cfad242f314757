using DockerReorder.Analysis;
using DockerReorder.Analysis.Fixes;

namespace DockerReorder.Cli.Processing;

/// <summary>
/// A fix outcome's applied fixes, remaining findings and original findings, looked up by value: reporting a big file
/// asked each finding against every applied fix and every remaining finding (8,000 stages: a quarter of the run).
/// </summary>
internal sealed class FixOutcomeIndex
{
    private readonly HashSet<Fix> _applied;
    private readonly HashSet<(string RuleId, string Message)> _remaining = [];
    private readonly Dictionary<(string RuleId, string Message), List<Finding>> _originalByKey = [];

    public FixOutcomeIndex(FixOutcome outcome)
    {
        // A record's equality: the same fix object, or an equal one reported by another rule.
        _applied = new HashSet<Fix>(outcome.AppliedFixes);
        foreach (var r in outcome.RemainingFindings) _remaining.Add(KeyOf(r));
        foreach (var f in outcome.Findings)
        {
            if (!_originalByKey.TryGetValue(KeyOf(f), out var same)) _originalByKey[KeyOf(f)] = same = [];
            same.Add(f);
        }
    }

    /// <summary>The finding's rule and message: what says two findings are the same across fix rounds.</summary>
    public static (string RuleId, string Message) KeyOf(Finding finding) => (finding.Rule.Id, finding.Message);

    /// <summary>True when the outcome applied this fix (or an equal one).</summary>
    public bool Applied(Fix fix) => _applied.Contains(fix);

    /// <summary>True when a finding with this rule and message is left after fixing.</summary>
    public bool Remains(Finding finding) => _remaining.Contains(KeyOf(finding));

    /// <summary>The original findings with this rule and message, in order (none: empty).</summary>
    public IReadOnlyList<Finding> OriginalsLike((string RuleId, string Message) key) =>
        _originalByKey.TryGetValue(key, out var same) ? same : [];
}
