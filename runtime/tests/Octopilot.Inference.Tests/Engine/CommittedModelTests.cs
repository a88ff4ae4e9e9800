using Octopilot.Inference.Contract;
using Octopilot.Inference.Providers;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>The committed tiny model is the file its checksum names, and it satisfies the contract at the sim's size.</summary>
public sealed class CommittedModelTests
{
    [Fact]
    public void Sha256File_MatchesTheCommittedModel()
    {
        string line = File.ReadAllText(TinyModelFiles.Model + ".sha256").Trim();
        string expected = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

        Assert.Equal(expected, ModelHash.Sha256Hex(TinyModelFiles.Model));
    }

    [Fact]
    public void ValidateFile_TinyModel_IsTheSimulatorDefaultSize()
    {
        ModelContract contract = ModelContractValidator.ValidateFile(TinyModelFiles.Model);

        Assert.Equal((288, 384), (contract.InputHeightPx, contract.InputWidthPx));
        Assert.True(contract.IsBatchDynamic);
        Assert.Equal("tiny", contract.Backbone);
        Assert.True(contract.HasLanes && contract.HasDrivable && contract.HasDepth && contract.HasObjects);
        Assert.True(contract.HasSolidLines, "the committed model has had the optional solid_lines head since #12");
    }
}
