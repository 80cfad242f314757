namespace DockerReorder.Engine.Tests.Harness;

/// <summary>The Docker engine the suite judges with: builds, snapshots and removes images.</summary>
public sealed class DockerEngine
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, string> environment;

    private DockerEngine(string host)
    {
        Host = host;
        environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = host,
            ["DOCKER_BUILDKIT"] = "1",
            ["BUILDKIT_PROGRESS"] = "plain",
        };
    }

    /// <summary>The DOCKER_HOST value in use.</summary>
    public string Host { get; }

    /// <summary>The engine, or a failure that says how to start one.</summary>
    public static DockerEngine Connect()
    {
        if (EngineHost.WhyUnreachable is { } why)
        {
            throw new InvalidOperationException(
                $"The engine suite needs a Docker engine{(EngineHost.IsCi ? " (CI=true: it may not be skipped)" : string.Empty)}: {why}; {EngineHost.HowToRun}.");
        }

        return new DockerEngine(EngineHost.Host);
    }

    /// <summary>
    /// Builds <paramref name="dockerfileText"/> against <paramref name="contextDirectory"/>. The Dockerfile is
    /// written to a temporary folder outside the context, so it is never part of what COPY sees.
    /// </summary>
    public BuildResult Build(string dockerfileText, string contextDirectory, string? target = null)
    {
        var scratch = Directory.CreateTempSubdirectory("dr-engine-");
        try
        {
            var dockerfile = Path.Combine(scratch.FullName, "Dockerfile");
            File.WriteAllText(dockerfile, dockerfileText);
            var idFile = Path.Combine(scratch.FullName, "image-id");
            var arguments = new List<string>
            {
                "build", "--network", "none", "--progress", "plain", "-f", dockerfile, "--iidfile", idFile,
            };
            if (target is not null)
            {
                arguments.AddRange(["--target", target]);
            }

            arguments.Add(contextDirectory);
            var run = ProcessRun.Start(EngineHost.Client, arguments, environment, BuildTimeout);
            var imageId = run.ExitCode == 0 && File.Exists(idFile) ? File.ReadAllText(idFile).Trim() : null;
            return new BuildResult(imageId, run.StandardError + run.StandardOutput, run.ExitCode);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The file tree and config of <paramref name="imageId"/>.</summary>
    public ImageSnapshot Snapshot(string imageId)
    {
        var inspect = Docker("image", "inspect", imageId);
        var config = ImageConfig.FromInspect(inspect);
        var containerId = Docker("create", imageId, "/bin/true").Trim();
        try
        {
            IReadOnlyList<FileEntry>? files = null;
            var run = ProcessRun.Start(
                EngineHost.Client,
                ["export", containerId],
                environment,
                BuildTimeout,
                stream => files = FileEntry.ReadTar(stream));
            if (run.ExitCode != 0 || files is null)
            {
                throw new InvalidOperationException($"docker export {containerId} failed: {run.StandardError}");
            }

            return new ImageSnapshot(files, config);
        }
        finally
        {
            Docker("rm", "-f", containerId);
        }
    }

    /// <summary>Runs one client command and returns its outcome, whatever the exit code.</summary>
    public ProcessRun Invoke(params string[] arguments) =>
        ProcessRun.Start(EngineHost.Client, arguments, environment, BuildTimeout);

    /// <summary>Runs one client command and returns its stdout, failing loudly on a non-zero exit.</summary>
    public string Docker(params string[] arguments)
    {
        var run = ProcessRun.Start(EngineHost.Client, arguments, environment, BuildTimeout);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed ({run.ExitCode}): {run.StandardError}");
        }

        return run.StandardOutput;
    }
}
