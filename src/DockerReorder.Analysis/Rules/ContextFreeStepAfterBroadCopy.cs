using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Planning;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Rules;

/// <summary>
/// DR002 context-free-step-after-broad-copy.
/// <para><b>What it does.</b> Finds steps that read nothing from the build context — system package
/// installs, explicit-package installs, <c>python -m venv</c>, user creation — that run after a copy of
/// the whole source.</para>
/// <para><b>Why is this bad?</b> They rerun on every source edit although their result cannot change.</para>
/// <para><b>Fix.</b> Sink the broad copy below them (combined with DR001's fix when both apply).</para>
/// </summary>
public sealed class ContextFreeStepAfterBroadCopy : IRule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.ContextFreeStepAfterBroadCopy,
        "context-free-step-after-broad-copy",
        "Steps that read nothing from the build context run after a broad copy",
        RuleSeverity.Warning,
        """
        What it does: finds RUN steps that read nothing from the build context (apt-get/apk/yum/dnf/zypper/microdnf installs, pip install cmake, npm i -g pnpm, python -m venv, useradd, ...) after a COPY or ADD of the whole source.
        Why is this bad: after any source edit the broad copy misses the cache, so these steps rerun although their result cannot change.
        Example:
            COPY . ./
            RUN apk add gcc musl-dev
        becomes
            RUN apk add gcc musl-dev
            COPY . ./
        Fix safety: as DR001; when a dependency install follows too, one combined rewrite (DR001's) moves the copy below both. When that rewrite is unsafe (the install may rewrite its lock file), the move down to the first install is this finding's own fix, safe when it is proven on its own.
        """);

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (plan, fix) in context.Plans)
        {
            var copy = plan.BroadCopy.Copy;
            if (plan.ContextFreeRuns.Count > 0)
            {
                var lines = string.Join(", ", plan.ContextFreeRuns.Select(r => r.Step.Line));
                var ownFix = fix is { Applicability: FixApplicability.Unsafe } && plan.Installs.Count > 0 ? SafePartOf(plan, context) ?? fix : fix;
                yield return context.CreateFinding(Descriptor, copy.Instruction,
                    plan.ContextFreeRuns.Count == 1
                        ? $"the broad copy runs before a step that reads nothing from the context (line {lines}): it reruns on every source edit"
                        : $"the broad copy runs before {plan.ContextFreeRuns.Count} steps that read nothing from the context (lines {lines}): they rerun on every source edit",
                    ownFix, null);
            }
            else if (plan.Barrier is { Kind: InstructionKind.Run } barrier && plan.Crossed.Count == 0 &&
                     context.Planner.EffectOf(barrier).Kind == StepEffectKind.ReadsNothing)
            {
                yield return context.CreateFinding(Descriptor, copy.Instruction,
                    $"the broad copy runs before a step that reads nothing from the context (line {barrier.Line}), and cannot move below it: {plan.BarrierReason}",
                    null, plan.BarrierReason);
            }
        }
    }

    // When the combined rewrite is unsafe because of an install it crosses (a lock file the install may rewrite), sinking the
    // copy only down to the first install may still be proven: offered as this finding's safe fix, so --fix caches the steps
    // above that install and --unsafe-fixes still applies DR001's rewrite on the next round.
    private static Fix? SafePartOf(SinkPlan plan, RuleContext context)
    {
        var partial = context.Planner.PlanStoppingAtInstalls(plan);
        return partial.Moves && SinkFixBuilder.Build(partial, context.Tree) is { Applicability: FixApplicability.Safe } safe ? safe : null;
    }
}
