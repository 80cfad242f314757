namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>
/// Channel 3: real pre-commit, with this checkout's HEAD as the hook repository (<c>language: dotnet</c>: pre-commit
/// packs the repository and installs DockerReorder.Tool), offline, in a temporary git repository.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PreCommitHookTests(PreCommitHome preCommit) : IClassFixture<PreCommitHome>
{
    /// <summary>The docker-reorder hook fails the first run and fixes the Dockerfile; the second run passes.</summary>
    [PreCommitFact]
    public void Fix_hook_fails_and_fixes_the_Dockerfile_then_passes()
    {
        using var repository = new TempFolder();
        RepositoryCheckout.CopySeed(repository);
        preCommit.InitializeRepository(repository, "docker-reorder");

        var first = preCommit.RunAllFiles(repository);
        Assert.True(first.ExitCode == 1, "the first run fails:\n" + first);
        Assert.Contains("files were modified by this hook", first.Stdout);
        Assert.Equal(SeedExpectation.FixedDockerfile, repository.Read("Dockerfile"));

        var second = preCommit.RunAllFiles(repository);
        Assert.True(second.ExitCode == 0, "the second run passes:\n" + second);
        Assert.Contains("Passed", second.Stdout);
        Assert.Equal(SeedExpectation.FixedDockerfile, repository.Read("Dockerfile"));
    }

    /// <summary>The docker-reorder-check hook fails on the badly ordered Dockerfile, names it and changes nothing; on the fixed file it passes.</summary>
    [PreCommitFact]
    public void Check_hook_reports_without_changing_anything()
    {
        using var repository = new TempFolder();
        RepositoryCheckout.CopySeed(repository);
        var original = repository.Read("Dockerfile");
        preCommit.InitializeRepository(repository, "docker-reorder-check");

        var first = preCommit.RunAllFiles(repository);
        Assert.True(first.ExitCode == 1, "the check fails:\n" + first);
        Assert.Contains("\nDockerfile\n", first.Stdout);
        Assert.DoesNotContain("files were modified", first.Stdout);
        Assert.Equal(original, repository.Read("Dockerfile"));

        repository.Write("Dockerfile", SeedExpectation.FixedDockerfile);
        var fixedRun = preCommit.RunAllFiles(repository);
        Assert.True(fixedRun.ExitCode == 0, "the check passes on the fixed file:\n" + fixedRun);
    }

    /// <summary>The hooks see Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile and Containerfile.*, at any depth, and nothing else.</summary>
    [PreCommitFact]
    public void Hooks_match_the_Dockerfile_names()
    {
        using var repository = new TempFolder();
        var bad = File.ReadAllText(Path.Combine(RepositoryCheckout.SeedExample, "Dockerfile"));
        string[] matched = ["Dockerfile", "Dockerfile.dev", "svc/api.Dockerfile", "svc/worker.dockerfile", "Containerfile", "deep/er/Containerfile.prod"];
        string[] ignored = ["Dockerfiles", "Dockerfile-old", "MyDockerfile", "notes/Containerfile-draft"];
        foreach (var path in matched.Concat(ignored))
        {
            var folder = Path.GetDirectoryName(path) ?? "";
            repository.Write(path, bad);
            repository.Write(Path.Combine(folder, "requirements.txt"), "fastapi==0.110.0\n");
            repository.Write(Path.Combine(folder, ".dockerignore"), ".git\n");
        }
        preCommit.InitializeRepository(repository, "docker-reorder-check");

        var run = preCommit.RunAllFiles(repository, "--verbose");
        Assert.True(run.ExitCode == 1, run.ToString());
        var reported = run.Stdout.Split('\n').Where(line => matched.Concat(ignored).Contains(line)).Order(StringComparer.Ordinal);
        Assert.Equal(matched.Order(StringComparer.Ordinal), reported);
    }
}
