using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Planning;

namespace DockerReorder.Analysis.Rules;

/// <summary>
/// DR001 install-after-broad-copy.
/// <para><b>What it does.</b> Finds a dependency install (<c>pip install -r</c>, <c>npm ci</c>,
/// <c>go mod download</c>, <c>bundle install</c>, ...) that runs after a copy of the whole source.</para>
/// <para><b>Why is this bad?</b> A <c>COPY</c> misses the cache when any copied file changes, and every
/// later step reruns: a one-line source edit reinstalls every dependency.</para>
/// <para><b>Fix.</b> Copy just the manifests right before the install and sink the broad copy below it.
/// Safe when DESIGN.md's four conditions are proven from the Dockerfile and the context.</para>
/// </summary>
public sealed class InstallAfterBroadCopy : IRule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.InstallAfterBroadCopy,
        "install-after-broad-copy",
        "Dependency install runs after a broad copy of the source",
        RuleSeverity.Warning,
        """
        What it does: finds a dependency install (pip install -r, npm ci, go mod download, bundle install, composer install, dotnet restore, ...) that runs after a COPY or ADD of the whole source (a directory or a wide wildcard).
        Why is this bad: a COPY misses Docker's cache whenever any file it copies changes, and every step after a miss reruns. A one-line source edit reinstalls every dependency.
        Example:
            COPY . ./
            RUN pip install -r requirements.txt
        becomes
            COPY requirements.txt ./
            RUN pip install -r requirements.txt
            COPY . ./
        Fix safety: safe when every crossed step reads nothing from the context beyond the manifests, the copy means the same at its new place, nothing written is overwritten differently, and the install does not rewrite its manifests. Unsafe when one of these cannot be checked (no build context, an unreadable manifest, an install that may rewrite its lock file). No fix when one is known to fail; the message says which.
        """);

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var (plan, fix) in context.Plans)
        {
            int copyLine = plan.BroadCopy.Copy.Step.Line;
            foreach (var install in plan.Installs)
            {
                yield return context.CreateFinding(Descriptor, install.Step.Instruction,
                    $"{Describe(install.Effect.Ecosystems)} runs after the broad copy on line {copyLine}: every source edit reinstalls dependencies",
                    fix, null) with { RelatedSpans = [plan.BroadCopy.Copy.Instruction.Span] };
            }
            foreach (var blocked in plan.BlockedInstalls)
            {
                yield return context.CreateFinding(Descriptor, blocked.Step.Instruction,
                    $"{Describe(blocked.Effect.Ecosystems)} runs after the broad copy on line {copyLine}, and cannot be given its manifests first: {blocked.Reason}",
                    null, blocked.Reason) with { RelatedSpans = [plan.BroadCopy.Copy.Instruction.Span] };
            }
        }
    }

    private static string Describe(IReadOnlyList<string> ecosystems)
    {
        var names = ecosystems.Where(e => !SystemEcosystems.Contains(e)).Distinct().ToList();
        return names.Count == 0 ? "a dependency install" : $"the {string.Join(" and ", names)} install";
    }
}
