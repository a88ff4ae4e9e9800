using System.Diagnostics;
using System.Text;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Service;

/// <summary>`octopilot run` with the vehicle on CAN: the real RAV4 bus log played as the bus, decoded with the real DBC.</summary>
public sealed partial class RunServiceTests
{
    [Fact]
    public void Service_OnARecordedToyotaBus_RunsAndStopsCleanly()
    {
        string dbc = SharedData.File("opendbc-toyota", "toyota_new_mc_pt_generated.dbc");
        string log = SharedData.File("comma2k19-rav4-segment", "raw_can_first10s.candump.log");
        using var folder = new TempFolder();
        string vehicle = $", \"vehicle\": {{ \"kind\": \"can\", \"silenceTimeoutS\": 0.2, \"can\": {{ \"dbc\": \"{dbc}\", \"candumpLog\": \"{log}\" }} }}";
        string config = WriteConfig(folder, stallTickAfterS: null, vehicle);
        using var notify = new NotifySocket(Path.Combine(folder.Path, "notify.sock"));
        var output = new StringBuilder();
        using Process service = Start(config, notify.Path, output);
        try
        {
            Assert.True(notify.WaitFor("READY=1", TimeSpan.FromSeconds(60)) is not null, "no READY=1: " + Describe(notify, service) + output);
            Thread.Sleep(1500);
            Assert.Equal(0, Kill(service.Id, Sigterm));
            Assert.True(service.WaitForExit(5000), "did not exit within 5 s of SIGTERM");
            service.WaitForExit();
            Assert.Equal(0, service.ExitCode);
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            // The first 8.46 s of this log lack the blinker message the Toyota mapping requires: the state is
            // incomplete, so every tick so far saw an invalid vehicle state (the planner fell back).
            Assert.Matches(@"vehicle can:\S+: [1-9]\d* ticks with an invalid state", text);
        }
        finally
        {
            KillIfRunning(service);
        }
    }
}
