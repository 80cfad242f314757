using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Model;
using DockerReorder.Analysis.Planning;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Rules;

/// <summary>What every rule sees: the model, the build context, and the sink plans computed once for all rules.</summary>
public sealed class RuleContext
{
    // The plans with installs crossed, and without (DR002 alone): two fields, not a table, for two keys.
    private IReadOnlyList<(SinkPlan Plan, Fix? Fix)>? _plansCrossingInstalls;
    private IReadOnlyList<(SinkPlan Plan, Fix? Fix)>? _plansStoppingAtInstalls;

    /// <summary>Creates the context.</summary>
    public RuleContext(DockerfileModel model, BuildContext? buildContext, SinkPlanner planner, AnalysisOptions options)
    {
        Model = model;
        BuildContext = buildContext;
        Planner = planner;
        Options = options;
    }

    /// <summary>The semantic model.</summary>
    public DockerfileModel Model { get; }

    /// <summary>The syntax tree.</summary>
    public DockerfileSyntax Tree => Model.Tree;

    /// <summary>The build context, or null when none is available.</summary>
    public BuildContext? BuildContext { get; }

    /// <summary>The planner.</summary>
    public SinkPlanner Planner { get; }

    /// <summary>The options.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>
    /// One plan (and its fix) per broad copy. With DR001 enabled installs are crossed, so DR001 and
    /// DR002 share one fix object per broad copy: the combined rewrite.
    /// </summary>
    public IReadOnlyList<(SinkPlan Plan, Fix? Fix)> Plans
    {
        get
        {
            bool includeInstalls = Options.IsEnabled(RuleIds.InstallAfterBroadCopy);
            ref var plans = ref includeInstalls ? ref _plansCrossingInstalls : ref _plansStoppingAtInstalls;
            return plans ??= Planner.PlanAll(includeInstalls).Select(p => (p, SinkFixBuilder.Build(p, Tree))).ToList();
        }
    }

    /// <summary>A finding of <paramref name="rule"/> on <paramref name="instruction"/>.</summary>
    public Finding CreateFinding(RuleDescriptor rule, InstructionSyntax instruction, string message, Fix? fix, string? noFixReason)
    {
        var span = instruction.Span;
        var text = Tree.Source.Text;
        int end = span.End;
        while (end > span.Start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return new Finding
        {
            Rule = rule,
            Message = message,
            Span = TextSpan.FromBounds(span.Start, end),
            Position = Tree.Source.GetLinePosition(span.Start),
            Fix = fix,
            NoFixReason = fix is null ? noFixReason : null,
        };
    }
}
