namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>Channel 1: <c>dotnet pack</c> makes the DockerReorder.Tool package and <c>dotnet tool install</c> gives a working <c>docker-reorder</c> command.</summary>
[Collection(PackagingCollection.Name)]
public sealed class DotnetToolTests(InstalledDotnetTool tool) : IClassFixture<InstalledDotnetTool>
{
    /// <summary>The package is DockerReorder.Tool at the project's version, and packing it warns about nothing.</summary>
    [Fact]
    public void Pack_makes_the_DockerReorder_Tool_package_without_warnings()
    {
        Assert.Equal(["DockerReorder.Tool.0.1.0.nupkg"], Directory.GetFiles(tool.PackageFolder, "*.nupkg").Select(Path.GetFileName));
        Assert.DoesNotContain("warning", tool.Pack.Stdout + tool.Pack.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The install from the local folder puts a docker-reorder command into the tool path.</summary>
    [Fact]
    public void Install_from_the_local_folder_provides_the_docker_reorder_command()
    {
        Assert.Contains("docker-reorder", tool.Install.Stdout);
        Assert.True(File.Exists(tool.Executable), tool.Install.ToString());
        var version = ExternalCommand.Run(tool.Executable, tool.ToolPath, ["--version"]);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith("0.1.0", version.Stdout);
    }

    /// <summary>The installed tool prints the seed's diff (exit 1), fixes it with --write (exit 0), and a second run has nothing to do.</summary>
    [Fact]
    public void Installed_tool_fixes_the_seed_example() => SeedExpectation.Check(tool.Executable);
}
