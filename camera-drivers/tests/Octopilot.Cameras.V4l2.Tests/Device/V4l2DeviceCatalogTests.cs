using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>
/// Listing a /dev-like directory: only videoN nodes, in number order; a node that cannot be read is listed with the
/// reason instead of throwing; udev's stable links are attached to the node they point at.
/// </summary>
public sealed class V4l2DeviceCatalogTests : IDisposable
{
    private readonly string _dev = Directory.CreateTempSubdirectory("octopilot-v4l2-dev-").FullName;

    public void Dispose() => Directory.Delete(_dev, recursive: true);

    private string Touch(string name)
    {
        string path = Path.Combine(_dev, name);
        File.WriteAllBytes(path, []);
        return path;
    }

    [Fact]
    public void List_DirectoryWithoutVideoNodes_IsEmpty()
    {
        Touch("null");
        Touch("videoX"); // not videoN
        Touch("media0");

        Assert.Empty(V4l2DeviceCatalog.List(_dev));
    }

    [Fact]
    public void List_MissingDirectory_IsEmpty()
    {
        Assert.Empty(V4l2DeviceCatalog.List(Path.Combine(_dev, "absent")));
    }

    [Fact]
    public void List_RegularFileNamedVideo0_IsListedWithTheErrorInsteadOfThrowing()
    {
        string video0 = Touch("video0");

        V4l2DeviceListing listing = Assert.Single(V4l2DeviceCatalog.List(_dev));

        Assert.Equal(video0, listing.Path);
        Assert.Null(listing.Capabilities);
        Assert.Empty(listing.Formats);
        Assert.NotNull(listing.Error);
        Assert.Contains("VIDIOC_QUERYCAP", listing.Error, StringComparison.Ordinal);
        Assert.Contains("ENOTTY", listing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void List_SeveralNodes_OrderedByNumberNotByText()
    {
        Touch("video10");
        Touch("video2");
        Touch("video0");

        IReadOnlyList<V4l2DeviceListing> listings = V4l2DeviceCatalog.List(_dev);

        Assert.Equal(["video0", "video2", "video10"], listings.Select(l => Path.GetFileName(l.Path)));
    }

    [Fact]
    public void List_ByPathAndByIdLinks_AreTheNodesStableLinks()
    {
        string video0 = Touch("video0");
        string video1 = Touch("video1");
        string byPath = Directory.CreateDirectory(Path.Combine(_dev, "v4l", "by-path")).FullName;
        string byId = Directory.CreateDirectory(Path.Combine(_dev, "v4l", "by-id")).FullName;
        // udev's links are relative, as here.
        string pathLink = Path.Combine(byPath, "pci-0000:00:14.0-usb-0:2:1.0-video-index0");
        File.CreateSymbolicLink(pathLink, "../../video0");
        string idLink = Path.Combine(byId, "usb-Acme_Cam_123-video-index0");
        File.CreateSymbolicLink(idLink, video0);

        IReadOnlyList<V4l2DeviceListing> listings = V4l2DeviceCatalog.List(_dev);

        Assert.Equal(2, listings.Count);
        V4l2DeviceListing first = listings.Single(l => l.Path == video0);
        Assert.Equal([pathLink, idLink], first.StableLinks);
        Assert.Empty(listings.Single(l => l.Path == video1).StableLinks);
    }

    [Fact]
    public void List_RelativeDirectory_StillAttachesTheStableLinks()
    {
        Touch("video0");
        string byPath = Directory.CreateDirectory(Path.Combine(_dev, "v4l", "by-path")).FullName;
        File.CreateSymbolicLink(Path.Combine(byPath, "platform-camera-index0"), "../../video0");
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, _dev);
        Assert.False(Path.IsPathRooted(relative));

        V4l2DeviceListing listing = Assert.Single(V4l2DeviceCatalog.List(relative));

        Assert.Single(listing.StableLinks);
    }

    [Fact]
    public void Describe_MissingNode_HasTheOpenError()
    {
        V4l2DeviceListing listing = V4l2DeviceCatalog.Describe(Path.Combine(_dev, "video3"), ["/dev/v4l/by-path/x"]);

        Assert.Contains("ENOENT", listing.Error, StringComparison.Ordinal);
        Assert.Equal(["/dev/v4l/by-path/x"], listing.StableLinks);
    }
}
