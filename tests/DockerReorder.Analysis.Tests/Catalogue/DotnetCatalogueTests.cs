using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>.NET: dotnet restore and builds.</summary>
public sealed class DotnetCatalogueTests
{
    [Fact]
    public void Dotnet_restore_of_a_named_project_follows_project_references()
    {
        var files = new Dictionary<string, string>
        {
            ["src/Api/Api.csproj"] = """<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><ProjectReference Include="..\Core\Core.csproj" /></ItemGroup></Project>""",
            ["src/Core/Core.csproj"] = """<Project Sdk="Microsoft.NET.Sdk" />""",
        };

        var effect = Run("dotnet restore src/Api/Api.csproj -r linux-x64", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.False(effect.Unverified);
        Assert.Contains("src/Api/Api.csproj", effect.Reads());
        Assert.Contains("src/Core/Core.csproj", effect.Reads());
        Assert.Contains("Directory.Build.props?", effect.Reads());
        Assert.Contains("src/Directory.Packages.props?", effect.Reads());
        Assert.Contains("src/Core/NuGet.config?", effect.Reads());
        Assert.Contains("global.json?", effect.Reads());
        Assert.Contains("src/Api/obj", effect.Writes);
        Assert.Contains("src/Core/obj", effect.Writes);
    }

    [Fact]
    public void Dotnet_restore_without_a_project_reads_the_project_patterns_unverified()
    {
        var effect = Run("dotnet restore");

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Contains("*.csproj? (pattern)", effect.Reads());
        Assert.True(effect.Unverified);
        Assert.Equal(StepEffectKind.NeedsSource, Run("dotnet publish -c Release -o /out").Kind);
    }

    [Fact]
    public void Dotnet_restore_reads_what_directory_files_and_projects_import()
    {
        var files = new Dictionary<string, string>
        {
            ["Api.csproj"] = """<Project Sdk="Microsoft.NET.Sdk"><Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" /><Import Project="..\shared\Common.props" /><Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" /></Project>""",
            ["Directory.Build.props"] = """<Project><Import Project="$(MSBuildThisFileDirectory)eng/Versions.props" /><Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" /></Project>""",
            ["eng/Versions.props"] = """<Project><Import Project="Local.props" Condition="Exists('Local.props')" /><Import Project="Packages.props" /></Project>""",
        };

        var effect = Run("dotnet restore Api.csproj", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.False(effect.Unverified, effect.UnverifiedReason);
        Assert.Contains("../shared/Common.props", effect.Reads());
        Assert.Contains("eng/Versions.props", effect.Reads());
        Assert.Contains("eng/Local.props?", effect.Reads());
        Assert.Contains("eng/Packages.props", effect.Reads());
        Assert.DoesNotContain("Sdk.props", effect.Reads());

        files["Directory.Build.props"] = """<Project><Import Project="$(RepoRoot)eng/Versions.props" /></Project>""";
        var computed = Run("dotnet restore Api.csproj", files);
        Assert.True(computed.Unverified);
        Assert.Equal("`Directory.Build.props` imports `$(RepoRoot)eng/Versions.props`, a path the catalogue cannot resolve", computed.UnverifiedReason);
    }

    [Fact]
    public void Dotnet_restore_reads_package_sources_that_are_folders()
    {
        var files = new Dictionary<string, string>
        {
            ["Api.csproj"] = """<Project Sdk="Microsoft.NET.Sdk" />""",
            ["NuGet.config"] = """<configuration><packageSources><clear /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /><add key="local" value=".\feeds\local\" /></packageSources><config><add key="globalPackagesFolder" value="gp" /></config></configuration>""",
        };

        Assert.Contains("feeds/local/", Run("dotnet restore Api.csproj", files).Reads());
        Assert.DoesNotContain("gp/", Run("dotnet restore Api.csproj", files).Reads());
        Assert.Contains("vendor/", Run("dotnet restore Api.csproj -s ./vendor --source https://api.nuget.org/v3/index.json", files).Reads());
    }
    [Theory]
    [InlineData("NuGet.config")]
    [InlineData("nuget.config")]
    [InlineData("global.json")]
    public void A_global_tool_install_reads_the_nuget_settings_the_context_brings(string file)
    {
        var script = "dotnet tool install --global dotnet-ef --version 8.0.11";
        var effect = Run(script, new Dictionary<string, string> { [file] = file == "global.json" ? "{}" : "<configuration />" }, workingDirectory: "/src");

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Contains(file + "?", effect.Reads());
        Assert.Contains("/NuGet.config?", effect.Reads());
        Assert.Equal(StepEffectKind.ReadsNothing, Run(script, workingDirectory: "/src").Kind);
        Assert.Equal(StepEffectKind.DependencyInstall, Run("dotnet tool install -g mytool --add-source ./nupkg", workingDirectory: "/src").Kind);
    }
}
