using System.Runtime.ExceptionServices;

namespace DockerReorder.Cli.Processing;

/// <summary>
/// Runs a body for every index from 0 to a count on this thread and one more per further core, each taking the next
/// index until none is left. Plain threads, not the thread pool: its start-up cost more than checking one small
/// Dockerfile, and its thread injection only added threads that waited on each other.
/// </summary>
public static class ParallelLoop
{
    /// <summary>
    /// Calls <paramref name="body"/> once for each index in [0, <paramref name="count"/>); returns when all calls have.
    /// An exception a call throws stops the loop and is rethrown here, on the calling thread, once every thread has stopped.
    /// </summary>
    public static void For(int count, Action<int> body)
    {
        int next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                int i;
                while (Volatile.Read(ref failure) is null && (i = Interlocked.Increment(ref next)) < count) body(i);
            }
            catch (Exception e)
            {
                // An exception escaping a helper thread would end the process with a stack trace: hand it to the caller.
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        var helpers = new Thread[Math.Max(0, Math.Min(Environment.ProcessorCount, count) - 1)];
        for (int t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work) { IsBackground = true, Name = "docker-reorder worker" };
            helpers[t].Start();
        }
        Work();
        foreach (var helper in helpers) helper.Join();
        failure?.Throw();
    }
}
