namespace Haarlem.Initiatives.Testing;

/// <summary>A folder under the system temp folder that is removed when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("haarlem-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held by a pool that closes later; the temp folder is cleaned by the system.
        }
    }
}
