using System.IO.Pipes;
using Octopilot.Core.Interop.Linux.Libc;

namespace Octopilot.Core.Tests.Interop;

/// <summary>The one poll(2) wrapper, on a real pipe: timeout, data, hang-up, a bad descriptor.</summary>
public sealed class LibcPollTests
{
    [Fact]
    public void WaitOne_NothingWritten_TimesOutWithZero()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);

        int events = LibcPoll.WaitOne((int)client.SafePipeHandle.DangerousGetHandle(), LibcPoll.POLLIN, 20, out int errno);

        Assert.Equal(0, events);
        Assert.Equal(0, errno);
    }

    [Fact]
    public void WaitOne_DataWritten_ReportsReadable()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        server.WriteByte(7);
        server.Flush();

        int events = LibcPoll.WaitOne((int)client.SafePipeHandle.DangerousGetHandle(), LibcPoll.POLLIN, 1000, out _);

        Assert.NotEqual(0, events & LibcPoll.POLLIN);
    }

    [Fact]
    public void WaitOne_WriterClosedNoData_ReportsHangUpWithoutData()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        reader.DisposeLocalCopyOfClientHandle(); // the only write end: closed, nothing written

        int events = LibcPoll.WaitOne((int)reader.SafePipeHandle.DangerousGetHandle(), LibcPoll.POLLIN, 1000, out _);

        Assert.NotEqual(0, events & LibcPoll.POLLHUP);
        Assert.Equal(0, events & LibcPoll.POLLIN);
    }

    [Fact]
    public void WaitOne_ClosedDescriptor_ReportsInvalid()
    {
        int events = LibcPoll.WaitOne(int.MaxValue - 1, LibcPoll.POLLIN, 10, out _);

        Assert.NotEqual(0, events & LibcPoll.POLLNVAL); // poll reports a descriptor that is not open per entry, not as a failure
    }
}
