using DockerReorder.Analysis.Rules;

namespace DockerReorder.Cli.Processing;

/// <summary>A finding as the reports show it.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Message">One-line message.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Status">What happened to its fix.</param>
/// <param name="Reason">Why there is no applied fix (the rule's no-fix reason or the unsafe reason), or null.</param>
public sealed record ReportedFinding(RuleDescriptor Rule, string Message, int Line, int Column, FindingStatus Status, string? Reason);
