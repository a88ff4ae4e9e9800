using System.Runtime.Versioning;

// SocketCAN and V4L2 exist only on Linux; so does the guest these tests run in.
[assembly: SupportedOSPlatform("linux")]

// One test at a time: the guest is emulated on 2 vCPUs, and the tests judge real-time behaviour (silence within
// 100 ms, a read's timeout); a parallel neighbour would make those verdicts depend on the neighbour's load.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
