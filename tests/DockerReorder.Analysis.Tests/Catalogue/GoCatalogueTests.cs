using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Go: go mod download, builds, versioned tool installs.</summary>
public sealed class GoCatalogueTests
{
    [Fact]
    public void Go_mod_download_reads_the_module_files()
    {
        var effect = Run("go mod download", new Dictionary<string, string> { ["go.mod"] = "module x\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["go.mod", "go.sum?", "go.work?", "go.work.sum?"], effect.Reads());
        Assert.Equal(["/go/pkg/mod"], effect.Writes);
        Assert.Equal(["/cache/mod"], Run("go mod download", environment: new Dictionary<string, string> { ["GOMODCACHE"] = "/cache/mod" }).Writes);
    }

    [Fact]
    public void Go_workspaces_and_local_replacements_read_the_other_modules()
    {
        var files = new Dictionary<string, string>
        {
            ["go.mod"] = "module x\nreplace example.com/lib => ./lib\n",
            ["go.work"] = "go 1.22\nuse (\n\t.\n\t./tools\n)\n",
        };

        var effect = Run("go mod download", files);

        Assert.Equal(["go.mod", "go.sum?", "go.work?", "go.work.sum?", "lib/go.mod", "tools/go.mod", "tools/go.sum?"], effect.Reads());
    }

    [Theory]
    [InlineData("go build -o /bin/app ./cmd/app", StepEffectKind.NeedsSource)]
    [InlineData("go test ./...", StepEffectKind.NeedsSource)]
    [InlineData("go install ./...", StepEffectKind.NeedsSource)]
    [InlineData("go install github.com/go-delve/delve/cmd/dlv@latest", StepEffectKind.ReadsNothing)]
    public void Go_builds_need_the_source_but_installing_a_versioned_tool_does_not(string script, StepEffectKind kind)
    {
        Assert.Equal(kind, Run(script).Kind);
    }

    [Fact]
    public void Go_workspace_mode_follows_the_local_replacements_of_go_work_and_of_each_used_module()
    {
        var files = new Dictionary<string, string>
        {
            ["go.work"] = "go 1.22\nuse ./svc/api\nreplace example.com/x => ./third_party/x\n",
            ["svc/api/go.mod"] = "module example.com/api\nreplace example.com/y => ../../libs/y\n",
        };

        var effect = Run("go mod download", files);

        Assert.Contains("third_party/x/go.mod", effect.Reads());
        Assert.Contains("svc/api/go.mod", effect.Reads());
        Assert.Contains("libs/y/go.mod", effect.Reads());
    }
    [Fact]
    public void Go_finds_the_workspace_file_in_a_folder_above_the_module()
    {
        var files = new Dictionary<string, string>
        {
            ["go.mod"] = "module example.com/api\n\ngo 1.22\n\nrequire example.com/shared v0.0.0\n",
            ["/src/go.work"] = "go 1.22\n\nuse (\n\t./libs/shared\n\t./services/api\n)\n",
            ["/src/libs/shared/go.mod"] = "module example.com/shared\n",
            ["/src/services/api/go.mod"] = "module example.com/api\n",
        };

        var effect = Run("go mod download", files, workingDirectory: "/src/services/api");

        Assert.Contains("/src/go.work", effect.Reads());
        Assert.Contains("/src/libs/shared/go.mod", effect.Reads());
        Assert.Contains("/src/services/api/go.mod", effect.Reads());
        Assert.DoesNotContain("/src/go.work", Run("go mod download", files, workingDirectory: "/src/services/api", environment: new Dictionary<string, string> { ["GOWORK"] = "off" }).Reads());
    }
}
