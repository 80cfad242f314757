namespace DockerReorder.Cli.Processing;

/// <summary>
/// Runs a body for every index from 0 to a count on this thread and one more per further core, each taking the next
/// index until none is left. Plain threads, not the thread pool: its start-up cost more than checking one small
/// Dockerfile, and its thread injection only added threads that waited on each other.
/// </summary>
public static class ParallelLoop
{
    /// <summary>Calls <paramref name="body"/> once for each index in [0, <paramref name="count"/>); returns when all calls have.</summary>
    public static void For(int count, Action<int> body)
    {
        int next = -1;
        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) body(i);
        }

        var helpers = new Thread[Math.Max(0, Math.Min(Environment.ProcessorCount, count) - 1)];
        for (int t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work) { IsBackground = true, Name = "docker-reorder worker" };
            helpers[t].Start();
        }
        Work();
        foreach (var helper in helpers) helper.Join();
    }
}
