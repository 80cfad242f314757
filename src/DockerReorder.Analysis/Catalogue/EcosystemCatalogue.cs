using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// The catalogue of package managers and harmless commands. It reads a <c>RUN</c> step's shell script
/// (or exec form, or heredoc body), classifies every simple command, and combines them: the step reads
/// nothing only if every command reads nothing; it is a dependency install if it installs and every
/// other command reads nothing; it needs the source if any command does; otherwise it is unknown.
/// </summary>
public sealed class EcosystemCatalogue : IEcosystemCatalogue
{
    /// <summary>The catalogue with every ecosystem it knows.</summary>
    public static EcosystemCatalogue Default { get; } = new();

    private EcosystemCatalogue()
    {
    }

    /// <inheritdoc/>
    public StepEffect Classify(RunStep step, Func<string, ManifestLookup> readFile)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(readFile);
        var classifier = new ScriptClassifier(step.WorkingDirectory, readFile) { ListDirectory = step.ListDirectory, ListFolders = step.ListFolders, WorkingDirectoryVariable = step.WorkingDirectoryVariable };
        var variables = new ShellVariables(step.Environment ?? new Dictionary<string, string>());
        var state = new ScriptState(".", variables);
        ClassifyMounts(step, classifier);

        if (step.ExecArguments is { } exec)
        {
            classifier.ClassifyWords([.. exec.Select(argument => new ShellWord(argument ?? string.Empty))], state);
        }
        else
        {
            var script = ShellParser.Parse(step.ShellScript ?? string.Empty, variables, step.HeredocBodies);
            classifier.ClassifyList(script, state);
        }

        classifier.Effect.RemoveReads(classifier.IsMounted);
        return classifier.Effect.ToEffect();
    }

    private static void ClassifyMounts(RunStep step, ScriptClassifier classifier)
    {
        foreach (var value in step.Mounts ?? [])
        {
            var mount = MountSpec.Parse(value ?? string.Empty);
            if (mount.Type != "bind" || mount.From is not null)
            {
                continue;
            }

            var source = WorkingPath.Normalize((mount.Source ?? ".").TrimStart('/'));
            var target = mount.Target is { Length: > 0 } given ? WorkingPath.Combine(".", given) : "?";
            if (target.StartsWith('/') && classifier.WorkingDirectory != "/" && WorkingPath.IsWithin(target, classifier.WorkingDirectory))
            {
                target = target == classifier.WorkingDirectory ? "." : target[(classifier.WorkingDirectory.Length + 1)..];
            }

            if (source != "." && ManifestNames.IsManifest(source))
            {
                classifier.Effect.ContextMount(source);
                classifier.AddMountedPath(target);
                continue;
            }

            classifier.Effect.NeedsSource(source == "."
                ? $"`--mount=type=bind` mounts the build context at `{mount.Target ?? "?"}`"
                : $"`--mount=type=bind,source={source}` mounts `{source}` from the build context");
        }
    }
}
