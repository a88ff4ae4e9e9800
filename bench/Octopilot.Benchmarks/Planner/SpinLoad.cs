namespace Octopilot.Benchmarks.Planner;

/// <summary>Busy threads at normal priority, unpinned, to saturate the cores the tick thread does not need.</summary>
internal sealed class SpinLoad : IDisposable
{
    private readonly Thread[] _threads;
    private volatile bool _stop;

    public SpinLoad(int threads)
    {
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Spin) { IsBackground = true, Name = "bench-spin" };
            _threads[i].Start();
        }
    }

    public int Count => _threads.Length;

    public void Dispose()
    {
        _stop = true;
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }
    }

    private void Spin()
    {
        long counter = 0;
        while (!_stop)
        {
            counter++;
        }

        GC.KeepAlive(counter);
    }
}
