using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Copies;
using DockerReorder.Analysis.Fixes;

namespace DockerReorder.Analysis.Rules;

/// <summary>
/// DR003 broad-copy-without-dockerignore.
/// <para><b>What it does.</b> Finds a broad copy whose build context holds VCS folders or dependency
/// output (<c>.git</c>, <c>node_modules</c>, ...) that no <c>.dockerignore</c> excludes.</para>
/// <para><b>Why is this bad?</b> Every commit changes <c>.git</c>, so the copy misses the cache on every
/// commit even when no source changed; host <c>node_modules</c> can also overwrite the image's.</para>
/// <para><b>Fix.</b> Create or extend <c>.dockerignore</c> (unsafe: it changes what the image contains).</para>
/// </summary>
public sealed class BroadCopyWithoutDockerignore : IRule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Descriptor { get; } = new(
        RuleIds.BroadCopyWithoutDockerignore,
        "broad-copy-without-dockerignore",
        "Broad copy brings VCS folders or dependency output that .dockerignore does not exclude",
        RuleSeverity.Warning,
        """
        What it does: finds a COPY or ADD of the whole source when the build context holds .git, node_modules, .venv or similar folders that no .dockerignore excludes.
        Why is this bad: every commit changes .git, so the broad copy misses the cache on every commit even when no source file changed; host dependency folders also end up in the image and can overwrite what an install wrote.
        Example: COPY . . with a .git folder in the context and no .dockerignore. With no .dockerignore at all it also reports, since a checkout of the context brings .git along. Folders the copy leaves out with --exclude (COPY --exclude=.git . .) are not reported.
        Fix safety: unsafe. Creating or extending .dockerignore changes what the image contains; apply with --unsafe-fixes after checking nothing in the image needs those folders.
        """);

    RuleDescriptor IRule.Descriptor => Descriptor;

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.BuildContext is not { } buildContext) yield break;
        // One finding per file, on the first broad copy that brings a whole directory of the context.
        // All broad copies, not the plans: a fix round plans only some stages, and the first copy may be in another.
        var first = context.Planner.BroadCopies()
            .FirstOrDefault(c => c.Copy.Sources.Any(s => c.IsDirectorySource(s)));
        if (first is null) yield break;
        var copied = first.Copy.Sources.Where(first.IsDirectorySource).ToList();
        // `COPY --exclude=.git . .` leaves the folder out of the copy and of its cache key, as .dockerignore would.
        var exclusions = CopyExclusions.Of(first.Copy);
        var found = VcsAndDependencyFolders.FindNotExcluded(buildContext)
            .Where(f => copied.Any(s => Brings(s, f.Path, exclusions)))
            .ToList();
        if (found.Count == 0)
        {
            // No .dockerignore at all: a checkout of the context brings .git along, so exclude it up front.
            if (buildContext.DockerIgnorePath is not null || !copied.Contains("") || exclusions.ExcludesAllOf("", ".git")) yield break;
            found = [new IgnorableFolderFinding(VcsAndDependencyFolders.All.First(f => f.Name == ".git"), ".git")];
        }
        bool present = buildContext.DirectoryExists(found[0].Path);
        var names = string.Join(", ", found.Select(f => f.Path).Distinct(StringComparer.Ordinal));
        var addition = DockerIgnoreAddition.For(buildContext, found);
        Fix? fix = addition is null ? null : new Fix
        {
            Description = addition.CreatesFile
                ? $"create {addition.Path} excluding {string.Join(", ", addition.Lines)}"
                : $"add {string.Join(", ", addition.Lines)} to {addition.Path}",
            Applicability = FixApplicability.Unsafe,
            UnsafeReason = "excluding files from the build context changes what the image contains",
            FileWrites = [new FileWrite(addition.Path, addition.ExistingText, addition.NewText)],
        };
        var where = buildContext.DockerIgnorePath is null ? "there is no .dockerignore" : $"{buildContext.DockerIgnorePath} does not exclude them";
        var message = present
            ? $"the broad copy brings {names} into the image ({where}): every commit or host install busts the cache"
            : $"the broad copy sends the whole context and there is no .dockerignore: {names} would come along, and every commit would bust the cache";
        yield return context.CreateFinding(Descriptor, first.Copy.Instruction, message,
            fix, fix is null ? "only build output was found, which the fix never adds to .dockerignore" : null);
    }

    // True when copying the context folder `source` brings something of `path` along: the path is the source or below
    // it, and the copy's --exclude patterns do not leave all of it out.
    private static bool Brings(string source, string path, CopyExclusions exclusions) =>
        (source.Length == 0 || path == source || path.StartsWith(source + "/", StringComparison.Ordinal))
        && !exclusions.ExcludesAllOf(source, path);
}
