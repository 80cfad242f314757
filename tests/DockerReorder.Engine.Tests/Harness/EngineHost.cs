namespace DockerReorder.Engine.Tests.Harness;

/// <summary>Where the engine suite finds its Docker daemon, and whether one answers.</summary>
public static class EngineHost
{
    /// <summary>The variable that names the daemon (a DOCKER_HOST value); overrides the default socket.</summary>
    public const string HostVariable = "DOCKER_REORDER_ENGINE_HOST";

    /// <summary>The socket tests/engine/start-dockerd.sh listens on when DOCKER_REORDER_ENGINE_DIR is unset.</summary>
    public const string DefaultHost = "unix:///tmp/drengine/d.sock";

    /// <summary>How to get an engine, for skip and failure messages.</summary>
    public const string HowToRun =
        "start one as root with `bash tests/engine/start-dockerd.sh && bash tests/engine/make-base-image.sh` "
        + "(or run everything with `bash tests/engine/run.sh`)";

    private static readonly Lazy<string?> Unreachable = new(Probe);

    /// <summary>The DOCKER_HOST value the suite uses.</summary>
    public static string Host
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(HostVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            var folder = Environment.GetEnvironmentVariable("DOCKER_REORDER_ENGINE_DIR");
            return string.IsNullOrEmpty(folder) ? DefaultHost : $"unix://{folder}/d.sock";
        }
    }

    /// <summary>The Docker client with BuildKit (Debian's; the first on PATH may lack buildx).</summary>
    public static string Client =>
        Environment.GetEnvironmentVariable("DOCKER_REORDER_DOCKER_CLIENT") is { Length: > 0 } client ? client : "/usr/bin/docker";

    /// <summary>True when the run is in CI, where a missing engine is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why no engine can be used, or null when one answers (probed once per run).</summary>
    public static string? WhyUnreachable => Unreachable.Value;

    private static string? Probe()
    {
        var host = Host;
        if (host.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(host["unix://".Length..]))
        {
            return $"no Docker engine socket at {host}";
        }

        if (!File.Exists(Client))
        {
            return $"no Docker client at {Client}";
        }

        try
        {
            var run = ProcessRun.Start(
                Client,
                ["version", "--format", "{{.Server.Version}}"],
                new Dictionary<string, string> { ["DOCKER_HOST"] = host },
                TimeSpan.FromSeconds(20));
            return run.ExitCode == 0 ? null : $"the Docker engine at {host} does not answer: {run.StandardError.Trim()}";
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            return $"the Docker engine at {host} does not answer: {e.Message}";
        }
    }
}
