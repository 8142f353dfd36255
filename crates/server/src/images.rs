//! Photos uploaded by landlord staff. The file's content decides what it is, never its
//! name or declared type: only JPEG, PNG and WebP are read. Every photo is decoded and
//! encoded again as a JPEG, which drops all metadata (EXIF location, camera, author) and
//! any payload hidden around the pixels; the orientation is applied first, so the photo
//! stands the right way up without it.

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The largest file accepted, in bytes (a phone photo is 2 to 5 MB).
pub const TAILLE_MAX: usize = 8 * 1024 * 1024;
/// Photos are scaled down to this many pixels on their longer side.
pub const COTE_MAX: u32 = 1600;
/// Larger pictures are refused before decoding (a "decompression bomb" is small on disk):
/// no side over 12,000 pixels, no more than 40 million pixels (a phone takes 12 to 50).
const PIXELS_COTE_MAX: u32 = 12_000;
pub const PIXELS_MAX: u64 = 40_000_000;
/// What a decoder may allocate for its own work, besides the pixels.
const ALLOCATION_MAX: u64 = 64 * 1024 * 1024;
const QUALITE_JPEG: u8 = 82;

/// Why a file is not accepted as a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageRefusee {
    /// Not a JPEG, PNG or WebP picture, whatever its name says.
    FormatNonAccepte,
    /// Claims to be one but cannot be read.
    Illisible,
    /// Over `TAILLE_MAX` bytes.
    TropLourde,
    /// Over `PIXELS_MAX` pixels, or a side over 12,000.
    TropGrande,
}

/// A photo ready to store and serve.
#[derive(Debug, Clone)]
pub struct ImagePropre {
    pub jpeg: Vec<u8>,
    pub largeur: u32,
    pub hauteur: u32,
    /// Hex SHA-256 of `jpeg`: its name in URLs.
    pub empreinte: String,
}

pub fn nettoyer(octets: &[u8]) -> Result<ImagePropre, ImageRefusee> {
    if octets.len() > TAILLE_MAX {
        return Err(ImageRefusee::TropLourde);
    }
    let format = image::guess_format(octets).map_err(|_| ImageRefusee::FormatNonAccepte)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(ImageRefusee::FormatNonAccepte);
    }
    let mut lecteur = ImageReader::with_format(Cursor::new(octets), format);
    let mut limites = Limits::default();
    limites.max_image_width = Some(PIXELS_COTE_MAX);
    limites.max_image_height = Some(PIXELS_COTE_MAX);
    limites.max_alloc = Some(ALLOCATION_MAX);
    lecteur.limits(limites);
    let mut decodeur = lecteur.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageRefusee::TropGrande,
        _ => ImageRefusee::Illisible,
    })?;
    let (largeur, hauteur) = decodeur.dimensions();
    if u64::from(largeur) * u64::from(hauteur) > PIXELS_MAX {
        return Err(ImageRefusee::TropGrande);
    }
    let orientation = decodeur
        .orientation()
        .map_err(|_| ImageRefusee::Illisible)?;
    let mut photo = DynamicImage::from_decoder(decodeur).map_err(|_| ImageRefusee::Illisible)?;
    photo.apply_orientation(orientation);
    if photo.width().max(photo.height()) > COTE_MAX {
        photo = photo.resize(COTE_MAX, COTE_MAX, image::imageops::FilterType::Triangle);
    }
    let photo = DynamicImage::ImageRgb8(photo.to_rgb8());
    let mut jpeg = Vec::new();
    photo
        .write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, QUALITE_JPEG))
        .map_err(|_| ImageRefusee::Illisible)?;
    let empreinte = Sha256::digest(&jpeg)
        .iter()
        .map(|o| format!("{o:02x}"))
        .collect();
    Ok(ImagePropre {
        largeur: photo.width(),
        hauteur: photo.height(),
        jpeg,
        empreinte,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb};

    fn png(largeur: u32, hauteur: u32) -> Vec<u8> {
        let image = ImageBuffer::from_fn(largeur, hauteur, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut octets = Vec::new();
        DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut octets), ImageFormat::Png)
            .unwrap();
        octets
    }

    #[test]
    fn a_png_becomes_a_jpeg_of_the_same_size() {
        let propre = nettoyer(&png(40, 30)).unwrap();
        assert_eq!(
            image::guess_format(&propre.jpeg).unwrap(),
            ImageFormat::Jpeg
        );
        assert_eq!((propre.largeur, propre.hauteur), (40, 30));
        assert_eq!(propre.empreinte.len(), 64);
    }

    #[test]
    fn large_photos_are_scaled_down() {
        let propre = nettoyer(&png(3200, 800)).unwrap();
        assert_eq!((propre.largeur, propre.hauteur), (1600, 400));
    }

    #[test]
    fn a_script_named_like_a_photo_is_refused_by_its_content() {
        assert_eq!(
            nettoyer(b"<svg onload=alert(1)>").unwrap_err(),
            ImageRefusee::FormatNonAccepte
        );
        // A GIF is a picture, but not one of the accepted formats.
        assert_eq!(
            nettoyer(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").unwrap_err(),
            ImageRefusee::FormatNonAccepte
        );
    }

    /// A PNG that announces `largeur` × `hauteur` pixels in a few dozen bytes.
    fn bombe(largeur: u32, hauteur: u32) -> Vec<u8> {
        let mut octets = png(1, 1);
        // The IHDR chunk: length (8..12), type (12..16), width, height, then its CRC.
        octets[16..20].copy_from_slice(&largeur.to_be_bytes());
        octets[20..24].copy_from_slice(&hauteur.to_be_bytes());
        let crc = crc32fast::hash(&octets[12..29]);
        octets[29..33].copy_from_slice(&crc.to_be_bytes());
        octets
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        // 49 million pixels, each side allowed: refused on the count.
        assert_eq!(
            nettoyer(&bombe(7_000, 7_000)).unwrap_err(),
            ImageRefusee::TropGrande
        );
        // 12,000 × 12,000 (the attack that took the server to 1.1 GB).
        assert_eq!(
            nettoyer(&bombe(12_000, 12_000)).unwrap_err(),
            ImageRefusee::TropGrande
        );
        // A side too long.
        assert_eq!(
            nettoyer(&bombe(20_000, 10)).unwrap_err(),
            ImageRefusee::TropGrande
        );
    }

    #[test]
    fn a_truncated_picture_is_unreadable() {
        let mut octets = png(40, 30);
        octets.truncate(60);
        assert_eq!(nettoyer(&octets).unwrap_err(), ImageRefusee::Illisible);
    }

    #[test]
    fn metadata_does_not_survive() {
        // A JPEG with an EXIF segment carrying a made-up GPS marker.
        let mut jpeg = Vec::new();
        DynamicImage::ImageRgb8(ImageBuffer::from_pixel(16, 16, Rgb([200, 10, 10])))
            .write_with_encoder(JpegEncoder::new(&mut jpeg))
            .unwrap();
        let contenu = b"Exif\0\0GPS 50.5297N 2.6406E";
        let longueur = u16::try_from(contenu.len() + 2).unwrap().to_be_bytes();
        let mut exif = vec![0xFF, 0xE1, longueur[0], longueur[1]];
        exif.extend_from_slice(contenu);
        jpeg.splice(2..2, exif);
        assert!(jpeg.windows(3).any(|w| w == b"GPS"));
        let propre = nettoyer(&jpeg).unwrap();
        assert!(!propre.jpeg.windows(3).any(|w| w == b"GPS"));
        assert!(!propre.jpeg.windows(4).any(|w| w == b"Exif"));
    }
}
