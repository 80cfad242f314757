using DockerReorder.Analysis.Model;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Model;

public sealed class DockerfileModelTests
{
    private static DockerfileModel Build(string text) => DockerfileModel.Build(DockerfileParser.Parse(text));

    [Fact]
    public void Splits_stages_and_names_them()
    {
        var model = Build("ARG BASE=alpine\nFROM $BASE AS build\nRUN true\nFROM build\nRUN false\nFROM scratch AS final\n");
        Assert.Equal(3, model.Stages.Count);
        Assert.Equal("build", model.Stages[0].Name);
        Assert.Null(model.Stages[1].Name);
        Assert.Equal("final", model.Stages[2].Name);
        Assert.Equal(2, model.Stages[0].Steps.Count); // FROM and RUN; the global ARG belongs to no stage
    }

    [Fact]
    public void Resolves_the_working_directory_through_env_values()
    {
        var model = Build("FROM busybox\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\nWORKDIR sub\nRUN pwd\n");
        var run = model.Stages[0].Steps[^1];
        Assert.Equal("/srv/app/sub", run.State.WorkingDirectory.Path);
        Assert.Equal(2, run.State.WorkingDirectory.Version);
    }

    [Fact]
    public void A_build_argument_makes_the_working_directory_unknown()
    {
        var model = Build("FROM busybox\nARG DIR=/app\nWORKDIR $DIR\nRUN pwd\n");
        Assert.Null(model.Stages[0].Steps[^1].State.WorkingDirectory.Path);
    }

    [Fact]
    public void An_env_value_wins_over_a_later_arg_of_the_same_name()
    {
        var model = Build("FROM busybox\nENV X=/a\nARG X\nWORKDIR $X\nRUN pwd\n");
        Assert.Equal("/a", model.Stages[0].Steps[^1].State.WorkingDirectory.Path);
    }

    [Fact]
    public void Every_pair_of_one_env_sees_the_values_from_before_it()
    {
        var model = Build("FROM busybox\nENV A=1\nENV A=2 B=$A\nRUN true\n");
        var vars = model.Stages[0].Steps[^1].State.Variables;
        Assert.Equal("2", vars["A"]);
        Assert.Equal("1", vars["B"]);
    }

    [Fact]
    public void A_stage_built_from_a_stage_inherits_its_working_directory_and_env()
    {
        var model = Build("FROM busybox AS base\nENV X=1\nWORKDIR /w\nFROM base\nRUN true\n");
        var run = model.Stages[1].Steps[^1];
        Assert.Equal("/w", run.State.WorkingDirectory.Path);
        Assert.Equal("1", run.State.Variables["X"]);
    }

    [Fact]
    public void Tracks_user_and_shell()
    {
        var model = Build("FROM busybox\nUSER app:app\nSHELL [\"/bin/bash\", \"-c\"]\nRUN true\n");
        var state = model.Stages[0].Steps[^1].State;
        Assert.Equal("app:app", state.User);
        Assert.Equal(["/bin/bash", "-c"], state.Shell);
    }

    [Theory]
    [InlineData("python:3.12-slim", "/")]
    [InlineData("docker.io/library/php:8.3-apache", "/var/www/html")]
    [InlineData("php:8.3-fpm-alpine", "/var/www/html")]
    [InlineData("php:fpm", "/var/www/html")]
    [InlineData("php:8.3-cli", "/")]
    [InlineData("php:8.1.7", "/")]
    [InlineData("php:8.3-zts-alpine", "/")]
    [InlineData("php", "/")]
    [InlineData("php@sha256:abc", null)]
    [InlineData("python:3-onbuild", null)]
    [InlineData("node:8.9-onbuild", null)]
    [InlineData("golang:1.22-windowsservercore-ltsc2022", null)]
    [InlineData("python:3.12-nanoserver", null)]
    [InlineData("golang:1.22@sha256:abc", "/go")]
    [InlineData("registry.example.com/python:3.12", null)]
    [InlineData("$BASE", null)]
    public void Knows_the_working_directory_of_well_known_official_images(string image, string? workdir) =>
        Assert.Equal(workdir, BaseImageWorkdirs.Of(image));
}
