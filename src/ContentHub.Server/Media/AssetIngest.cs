using System.Security.Cryptography;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Media;

/// <summary>
/// Turns uploaded bytes into an asset: the type and size from the header, then metadata stripped, then hashed,
/// stored once and described. Every refusal is a user error with a code.
/// </summary>
public sealed class AssetIngest(
    IOptions<MediaOptions> options,
    ImageProcessor images,
    IAssetStorage storage,
    IDbContextFactory<ContentHubDbContext> contexts,
    IContentChanges changes,
    TimeProvider clock)
{
    public const string Operation = "uploadAsset";

    public async Task<AssetPayload> IngestAsync(Stream content, long length, string fileName, AssetDetails details, string editor, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (AssetDetails.Problems(details).ToList() is { Count: > 0 } detailErrors)
        {
            return new AssetPayload { Errors = detailErrors };
        }

        if (length > limits.MaxBytes)
        {
            return Refused(MediaErrorCodes.FileTooLarge, $"The file is {length} bytes; the limit is {limits.MaxBytes}.");
        }

        var bytes = new byte[length];
        await content.ReadExactlyAsync(bytes, cancellationToken);
        var (header, code, message) = ImageHeader.Read(bytes, limits.MaxFrames);
        if (header is null)
        {
            return Refused(code!, message!);
        }

        if (header.Pixels > limits.MaxPixels)
        {
            return Refused(MediaErrorCodes.TooManyPixels, $"The image is {header.Width} × {header.Height} pixels ({header.Pixels}); the limit is {limits.MaxPixels} pixels.");
        }

        if (header.Frames > limits.MaxFrames)
        {
            return Refused(MediaErrorCodes.TooManyFrames, $"The animation has more than {limits.MaxFrames} frames, the limit.");
        }

        byte[] stored;
        (string DominantColor, string Placeholder) summary;
        try
        {
            stored = MetadataStripper.Strip(bytes, header) ?? images.EncodeWithoutMetadata(bytes, header.Format);
            // Turned upright, a portrait photo's width and height trade places: read them from what is stored.
            header = ImageHeader.Read(stored, limits.MaxFrames).Header ?? header;
            summary = images.Summarize(stored, header.Format);
        }
        catch (Exception exception) when (exception is MagickException or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException or OverflowException)
        {
            return Refused(MediaErrorCodes.CorruptImage, $"The file starts like a {header.Format} image, but it could not be decoded.");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(stored));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken) is { } existing)
        {
            return new AssetPayload { Asset = existing, Duplicate = true, Errors = [] };
        }

        await storage.SaveAsync(sha256, stored, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var asset = new Asset
        {
            Sha256 = sha256,
            FileName = Path.GetFileName(fileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, FieldLengths.Title)] : "upload",
            Format = header.Format,
            Bytes = stored.Length,
            Width = header.Width,
            Height = header.Height,
            DominantColor = summary.DominantColor,
            Placeholder = summary.Placeholder,
            Alt = details.Decorative ? null : details.Alt,
            Decorative = details.Decorative,
            Credit = details.Credit,
            License = details.License,
            ConsentOnFile = details.ConsentOnFile,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                db.Assets.Add(asset);
                await db.SaveChangesAsync(cancellationToken);
                db.AuditLog.Add(AuditLog.Entry(editor, Operation, nameof(Asset), asset.Id, AuditLog.Succeeded, now));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await changes.ChangedAsync(AssetKeys.Changed, cancellationToken); // a /media/<file> path may name it now
                return new AssetPayload { Asset = asset, Errors = [] };
            }
            catch (DbUpdateException)
            {
                // The same bytes uploaded at the same moment: the other upload's row won the unique index.
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        await using var again = await contexts.CreateDbContextAsync(cancellationToken);
        return await again.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken) is { } winner
            ? new AssetPayload { Asset = winner, Duplicate = true, Errors = [] }
            : throw new InvalidOperationException($"Storing asset {sha256} failed, and no other upload stored it.");
    }

    private static AssetPayload Refused(string code, string message) => new() { Errors = [new FieldError("file", code, message)] };
}
