using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Media;

/// <summary>
/// Signs rendition URLs, so only sizes the API handed out are ever rendered: nobody can make the server render a
/// million variants by editing URLs.
/// </summary>
public sealed class RenditionSigner
{
    private const string Parameter = "s";
    private readonly byte[] _key;

    public RenditionSigner(IOptions<MediaOptions> options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.Value.SigningKey))
        {
            _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);
            return;
        }

        var folder = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        var file = Path.Combine(folder, "rendition-signing.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(folder);
            var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(32));
            try
            {
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException) when (File.Exists(file))
            {
                File.Delete(temporary); // another node or process made it first: use theirs
            }
        }

        _key = File.ReadAllBytes(file);
    }

    /// <summary>The rendition's site-relative URL, signature included.</summary>
    public string Url(Rendition rendition) => $"{MediaPaths.Prefix}/{rendition.Key}?{Parameter}={Sign(rendition.Key)}";

    public bool IsValid(Rendition rendition, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(rendition.Key)), Encoding.ASCII.GetBytes(signature));

    public static string? SignatureOf(HttpRequest request) => request.Query[Parameter];

    // 128 bits of the HMAC are plenty against guessing, and keep URLs short.
    private string Sign(string key) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key))[..16]);
}
