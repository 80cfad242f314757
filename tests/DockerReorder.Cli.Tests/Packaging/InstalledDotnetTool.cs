namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>
/// The CLI packed as DockerReorder.Tool and installed with <c>dotnet tool install</c> into a temporary tool path, once per
/// test run. The install reads a nuget.config that lists only the pack folder, so it needs no network.
/// </summary>
public sealed class InstalledDotnetTool : IDisposable
{
    private readonly TempFolder folder = new();

    /// <summary>Packs and installs the tool (the commands of docs/install.md, plus an artifacts path that keeps the checkout's bin and obj untouched).</summary>
    public InstalledDotnetTool()
    {
        PackageFolder = Path.Combine(folder.Path, "nupkg");
        ToolPath = Path.Combine(folder.Path, "tools");
        var config = folder.Write("nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        Pack = ExternalCommand.Succeed("dotnet", RepositoryCheckout.Root,
            ["pack", RepositoryCheckout.CliProject, "-o", PackageFolder, "--artifacts-path", Path.Combine(folder.Path, "artifacts")]);
        Install = ExternalCommand.Succeed("dotnet", folder.Path,
            ["tool", "install", "DockerReorder.Tool", "--add-source", PackageFolder, "--tool-path", ToolPath, "--configfile", config]);
    }

    /// <summary>Where <c>dotnet pack</c> put the .nupkg.</summary>
    public string PackageFolder { get; }

    /// <summary>The <c>--tool-path</c> the tool was installed into.</summary>
    public string ToolPath { get; }

    /// <summary>The installed command.</summary>
    public string Executable => Path.Combine(ToolPath, "docker-reorder");

    internal CommandResult Pack { get; }

    internal CommandResult Install { get; }

    /// <inheritdoc/>
    public void Dispose() => folder.Dispose();
}
