using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Elixir: mix.</summary>
public sealed class ElixirCatalogueTests
{
    [Fact]
    public void Mix_deps_get_reads_mix_exs_and_its_lock()
    {
        var effect = Run("mix local.hex --force && mix local.rebar --force && mix deps.get --only prod", new Dictionary<string, string> { ["mix.exs"] = "defmodule App.MixProject do\nend\n", ["mix.lock"] = "%{}" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["mix.exs", "mix.lock?"], effect.Reads());
        Assert.Contains("deps", effect.Writes);
        Assert.Equal(StepEffectKind.NeedsSource, Run("mix deps.get", new Dictionary<string, string> { ["mix.exs"] = "apps_path: \"apps\"" }).Kind);
        Assert.Equal(StepEffectKind.NeedsSource, Run("mix compile").Kind);
    }

    [Theory]
    [InlineData("mix do deps.get, deps.compile", "deps.compile")]
    [InlineData("mix do deps.get --only prod, compile", "compile")]
    [InlineData("mix do deps.get + deps.compile", "deps.compile")]
    public void Mix_do_names_the_task_that_builds_the_project(string script, string task)
    {
        var effect = Run(script, new Dictionary<string, string> { ["mix.exs"] = "defmodule App.MixProject do\nend\n" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains($"runs the project task `{task}`", effect.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mix_deps_path_moves_the_dependencies_and_is_not_a_path_dependency()
    {
        var effect = Run("mix deps.get", new Dictionary<string, string> { ["mix.exs"] = "def project do\n  [build_path: \"/mix/_build\", deps_path: \"/mix/deps\"]\nend\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["/mix/deps"], effect.Writes);
        Assert.Equal(["mix.lock"], effect.MayRewrite);
    }

    [Theory]
    [InlineData("@version \"VERSION\" |> File.read!() |> String.trim()\n", "File.read")]
    [InlineData("Code.require_file(\"lib/app/version.ex\")\n", "Code.require_file")]
    public void Mix_exs_that_reads_a_project_file_needs_the_source(string body, string call)
    {
        var effect = Run("mix deps.get", new Dictionary<string, string> { ["mix.exs"] = "defmodule App.MixProject do\n  " + body + "end\n" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains($"(`{call}`)", effect.Reason, StringComparison.Ordinal);
    }
}
