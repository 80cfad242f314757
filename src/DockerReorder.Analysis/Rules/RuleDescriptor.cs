namespace DockerReorder.Analysis.Rules;

/// <summary>What a rule is: its stable id, kebab-case name, title, default severity and help text.</summary>
/// <param name="Id">Stable id (<c>DR001</c>); never reused.</param>
/// <param name="Name">Kebab-case name describing the pattern found (<c>install-after-broad-copy</c>).</param>
/// <param name="Title">One-line title.</param>
/// <param name="DefaultSeverity">Severity unless configured otherwise.</param>
/// <param name="HelpText">What it finds, why it matters, an example, and fix safety.</param>
public sealed record RuleDescriptor(string Id, string Name, string Title, RuleSeverity DefaultSeverity, string HelpText);
