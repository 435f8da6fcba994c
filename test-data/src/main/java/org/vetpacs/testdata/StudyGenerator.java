package org.vetpacs.testdata;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.vetpacs.model.animal.Breed;
import org.vetpacs.model.animal.SnomedConcept;
import org.vetpacs.model.animal.Species;

/**
 * Writes synthetic veterinary DICOM studies as Part 10 files, deterministically from a seed.
 *
 * <p>All variation (patient, dates, UIDs, instance counts, pixels) is drawn from one {@link
 * Random} seeded in the constructor, in a fixed order: the same seed and the same sequence of
 * {@link #generate} calls give byte-identical files, and a different seed gives different UIDs and
 * patients. No clock is read. Files go to {@code outputDir/<studyUid>/<seriesUid>/<sopUid>.dcm},
 * encoded in Explicit VR Little Endian (PS3.5 A.2) with File Meta Information (PS3.10 7.1).
 *
 * <p>Every instance carries the Patient Module's veterinary attributes (PS3.3 C.7.1.1) and
 * Anatomical Orientation Type QUADRUPED (PS3.3 C.7.3.1), and the Type 1 and Type 2 attributes of
 * its IOD: DX (PS3.3 A.26), intra-oral IO (A.28), CT (A.3) or US Multi-frame (A.7). Instances are
 * not thread-safe; use one generator per thread.
 */
public final class StudyGenerator {

  /** Digital X-Ray Image Storage - For Presentation (PS3.4 B.5). */
  static final String DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";
  /** Digital Intra-Oral X-Ray Image Storage - For Presentation (PS3.4 B.5). */
  static final String IO_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.3";
  /** CT Image Storage (PS3.4 B.5). */
  static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
  /** Ultrasound Multi-frame Image Storage (PS3.4 B.5). */
  static final String US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1";
  /** Manufacturer (0008,0070) of every instance. */
  static final String MANUFACTURER = "VetPACS test-data";

  // Anatomic Region Sequence codes (PS3.16 CID 4031 / Annex L, SNOMED CT).
  private static final SnomedConcept CHEST = new SnomedConcept("43799004", "Chest");
  private static final SnomedConcept EXTREMITY = new SnomedConcept("66019005", "Extremity");
  private static final SnomedConcept MAXILLA = new SnomedConcept("70925003", "Maxilla");
  private static final SnomedConcept MANDIBLE = new SnomedConcept("91609006", "Mandible");

  /** First possible study date; studies fall within four years after it. */
  private static final LocalDate FIRST_STUDY_DATE = LocalDate.of(2021, 1, 4);

  private final Random random;
  private final UidSource uids;

  /**
   * Creates a generator.
   *
   * @param seed the seed of every random draw
   */
  public StudyGenerator(long seed) {
    this.random = new Random(seed);
    this.uids = new UidSource(random);
  }

  /**
   * Generates one study of a new synthetic patient and writes its files.
   *
   * @param kind what to generate
   * @param outputDir the root directory; created if missing
   * @param options sizes and counts
   * @return the study's identifiers and files
   * @throws IOException if a file cannot be written
   */
  public GeneratedStudy generate(StudyKind kind, Path outputDir, GeneratorOptions options)
      throws IOException {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(options, "options");
    // Mix the kind into the stream, so that one seed used for two kinds (two CLI runs) does not
    // give two studies the same Study Instance UID and patient. Still deterministic.
    random.setSeed(random.nextLong() ^ ((kind.ordinal() + 1) * 0x9E3779B97F4A7C15L));
    LocalDate date = FIRST_STUDY_DATE.plusDays(random.nextInt(4 * 365));
    LocalTime time = LocalTime.of(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60));
    Species species =
        kind == StudyKind.EQUINE_LIMB
            ? Species.HORSE
            : (random.nextInt(10) < 7 ? Species.DOG : Species.CAT);
    SyntheticPatient patient = SyntheticPatient.draw(random, species, date);
    Study study = new Study(
        uids.next(),
        String.format("A%08d", random.nextInt(100_000_000)),
        Integer.toString(1 + random.nextInt(99_999)),
        date,
        time,
        patient);
    try {
      List<GeneratedInstance> instances = switch (kind) {
        case DR_THORAX -> radiographs(study, outputDir, options, false);
        case EQUINE_LIMB -> radiographs(study, outputDir, options, true);
        case DENTAL -> dental(study, outputDir, options);
        case CT -> ct(study, outputDir, options);
        case US_CINE -> ultrasound(study, outputDir, options);
      };
      return new GeneratedStudy(
          study.uid, patient.patientId(), patient.dicomName(), study.accession, species,
          modalityOf(kind), instances);
    } catch (DicomException e) {
      throw new IOException("Could not build a DICOM instance: " + e.getMessage(), e);
    }
  }

  private static String modalityOf(StudyKind kind) {
    return switch (kind) {
      case DR_THORAX, EQUINE_LIMB -> "DX";
      case DENTAL -> "IO";
      case CT -> "CT";
      case US_CINE -> "US";
    };
  }

  private int count(GeneratorOptions options, int small, int min, int max) {
    if (options.instanceCountOverride() > 0) {
      return options.instanceCountOverride();
    }
    return options.smallMatrices() ? small : min + random.nextInt(max - min + 1);
  }

  // ---------------------------------------------------------------- DX: thorax and equine limb

  private List<GeneratedInstance> radiographs(Study study, Path out, GeneratorOptions options,
      boolean equine) throws IOException, DicomException {
    int views = equine ? count(options, 2, 2, 4) : count(options, 2, 2, 3);
    int cols = options.smallMatrices() ? 64 : (equine ? 2000 : 2500);
    int rows = options.smallMatrices() ? 64 : (equine ? 2500 : 3000);
    Series series = new Series(uids.next(), 1, "DX", equine ? "EXTREMITY" : "CHEST",
        equine ? "Distal limb" : "Thorax", study.time.plusMinutes(2));
    String limbSide = random.nextBoolean() ? "L" : "R";
    List<GeneratedInstance> result = new ArrayList<>();
    for (int i = 0; i < views; i++) {
      String sopUid = uids.next();
      AttributeList l = base(study, series, DX_FOR_PRESENTATION, sopUid, i + 1, i);
      String view;
      String orientation;
      boolean lateral;
      if (equine) {
        // Lateromedial, dorsopalmar, then the two obliques; quadruped orientation letters of
        // PS3.3 C.7.6.1.1.1 (D dorsal, Di distal).
        String[] names = {"Lateromedial", "Dorsopalmar", "Dorsolateral-palmaromedial oblique",
            "Dorsomedial-palmarolateral oblique"};
        view = names[i % names.length];
        lateral = i % 2 == 0;
        orientation = lateral ? "D\\Di" : "L\\Di";
        put(l, TagFromName.ImageLaterality, ValueRepresentation.CS, limbSide);
        Dicom.putCode(l, TagFromName.AnatomicRegionSequence, EXTREMITY);
      } else {
        // Right lateral, ventrodorsal, left lateral: the usual three-view thorax.
        String[] names = {"Right lateral", "Ventrodorsal", "Left lateral"};
        view = names[i % names.length];
        lateral = i % 3 != 1;
        orientation = lateral ? "CD\\V" : "L\\CD";
        if (lateral) {
          put(l, TagFromName.ViewPosition, ValueRepresentation.CS, i % 3 == 0 ? "RL" : "LL");
        }
        put(l, TagFromName.ImageLaterality, ValueRepresentation.CS, "U");
        Dicom.putCode(l, TagFromName.AnatomicRegionSequence, CHEST);
      }
      put(l, TagFromName.ImageComments, ValueRepresentation.LT, view + " view");
      put(l, TagFromName.PatientOrientation, ValueRepresentation.CS, orientation.split("\\\\"));
      projectionImage(l, equine ? "70" : "80", 0.139);
      short[] px = equine
          ? Phantoms.equineLimb(cols, rows, lateral, random)
          : Phantoms.thorax(cols, rows, lateral, random);
      monochrome16(l, rows, cols, 12, px, "2048", "4096");
      result.add(write(l, out, study, series, sopUid, DX_FOR_PRESENTATION));
    }
    return result;
  }

  /**
   * DX Image, DX Detector and Acquisition Context attributes shared by DX and IO (PS3.3 C.8.11.3,
   * C.8.11.4, C.7.6.14), For Presentation: log-scaled values, identity Presentation LUT.
   */
  private static void projectionImage(AttributeList l, String kvp, double pixelSpacingMm)
      throws DicomException {
    put(l, TagFromName.ImageType, ValueRepresentation.CS, "ORIGINAL", "PRIMARY");
    put(l, TagFromName.PresentationIntentType, ValueRepresentation.CS, "FOR PRESENTATION");
    put(l, Dicom.PIXEL_INTENSITY_RELATIONSHIP, ValueRepresentation.CS, "LOG");
    Dicom.putInt(l, Dicom.PIXEL_INTENSITY_RELATIONSHIP_SIGN, ValueRepresentation.SS, 1);
    put(l, TagFromName.RescaleIntercept, ValueRepresentation.DS, "0");
    put(l, TagFromName.RescaleSlope, ValueRepresentation.DS, "1");
    put(l, TagFromName.RescaleType, ValueRepresentation.LO, "US");
    put(l, TagFromName.PresentationLUTShape, ValueRepresentation.CS, "IDENTITY");
    put(l, TagFromName.LossyImageCompression, ValueRepresentation.CS, "00");
    put(l, TagFromName.BurnedInAnnotation, ValueRepresentation.CS, "NO");
    put(l, Dicom.DETECTOR_TYPE, ValueRepresentation.CS, "SCINTILLATOR");
    String spacing = Dicom.ds(pixelSpacingMm);
    put(l, TagFromName.ImagerPixelSpacing, ValueRepresentation.DS, spacing, spacing);
    put(l, Dicom.KVP, ValueRepresentation.DS, kvp);
    Dicom.putEmptySequence(l, TagFromName.AcquisitionContextSequence);
  }

  // ---------------------------------------------------------------- IO: dental

  private List<GeneratedInstance> dental(Study study, Path out, GeneratorOptions options)
      throws IOException, DicomException {
    int images = count(options, 3, 10, 20);
    int cols = options.smallMatrices() ? 64 : 1000;
    int rows = options.smallMatrices() ? 64 : 1400;
    Series series = new Series(uids.next(), 1, "IO", "JAW", "Full mouth dental series",
        study.time.plusMinutes(5));
    List<GeneratedInstance> result = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      String sopUid = uids.next();
      AttributeList l = base(study, series, IO_FOR_PRESENTATION, sopUid, i + 1, i);
      boolean upper = i < (images + 1) / 2;
      String side = i % 2 == 0 ? "R" : "L";
      put(l, TagFromName.ImageLaterality, ValueRepresentation.CS, side);
      Dicom.putCode(l, TagFromName.AnatomicRegionSequence, upper ? MAXILLA : MANDIBLE);
      put(l, TagFromName.PatientOrientation, ValueRepresentation.CS, side, upper ? "V" : "D");
      put(l, TagFromName.ImageComments, ValueRepresentation.LT,
          (upper ? "Maxillary" : "Mandibular") + " " + (side.equals("R") ? "right" : "left"));
      put(l, Dicom.POSITIONER_TYPE, ValueRepresentation.CS); // Type 2 (PS3.3 C.8.11.9)
      projectionImage(l, "60", 0.026);
      monochrome16(l, rows, cols, 12, Phantoms.teeth(cols, rows, random), "2048", "4096");
      result.add(write(l, out, study, series, sopUid, IO_FOR_PRESENTATION));
    }
    return result;
  }

  // ---------------------------------------------------------------- CT

  private List<GeneratedInstance> ct(Study study, Path out, GeneratorOptions options)
      throws IOException, DicomException {
    int slices = count(options, 5, 100, 300);
    int size = options.smallMatrices() ? 64 : 512;
    double fieldOfView = 250.0;
    double spacing = fieldOfView / size;
    double thickness = slices >= 200 ? 1.0 : 2.0;
    Series series = new Series(uids.next(), 2, "CT", "CHESTABDOMEN", "Thorax-abdomen soft tissue",
        study.time.plusMinutes(10));
    String frameOfReference = uids.next();
    List<GeneratedInstance> result = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      String sopUid = uids.next();
      AttributeList l = base(study, series, CT_IMAGE, sopUid, i + 1, 0);
      double z = -i * thickness;
      // CT Image Module (PS3.3 C.8.2.1), Image Plane (C.7.6.2), Frame of Reference (C.7.4.1).
      put(l, TagFromName.ImageType, ValueRepresentation.CS, "ORIGINAL", "PRIMARY", "AXIAL");
      put(l, TagFromName.FrameOfReferenceUID, ValueRepresentation.UI, frameOfReference);
      put(l, TagFromName.PositionReferenceIndicator, ValueRepresentation.LO);
      // Sternal recumbency, head first: the usual position for a small-animal thorax CT.
      put(l, TagFromName.PatientPosition, ValueRepresentation.CS, "HFP");
      put(l, Dicom.KVP, ValueRepresentation.DS, "120");
      put(l, TagFromName.AcquisitionNumber, ValueRepresentation.IS, "1");
      put(l, TagFromName.ConvolutionKernel, ValueRepresentation.SH, "SOFT");
      put(l, TagFromName.ReconstructionDiameter, ValueRepresentation.DS, Dicom.ds(fieldOfView));
      put(l, TagFromName.SliceThickness, ValueRepresentation.DS, Dicom.ds(thickness));
      put(l, TagFromName.PixelSpacing, ValueRepresentation.DS, Dicom.ds(spacing),
          Dicom.ds(spacing));
      put(l, TagFromName.ImageOrientationPatient, ValueRepresentation.DS,
          "1", "0", "0", "0", "1", "0");
      put(l, TagFromName.ImagePositionPatient, ValueRepresentation.DS,
          Dicom.ds(-fieldOfView / 2), Dicom.ds(-fieldOfView / 2), Dicom.ds(z));
      put(l, TagFromName.SliceLocation, ValueRepresentation.DS, Dicom.ds(z));
      put(l, TagFromName.RescaleIntercept, ValueRepresentation.DS, "-1024");
      put(l, TagFromName.RescaleSlope, ValueRepresentation.DS, "1");
      put(l, TagFromName.RescaleType, ValueRepresentation.LO, "HU");
      double position = slices == 1 ? 0 : (double) i / (slices - 1);
      short[] px = Phantoms.ctSlice(size, position, random.nextLong());
      // Soft tissue and lung windows (PS3.3 C.11.2).
      monochrome16(l, size, size, 12, px, new String[] {"40", "-600"},
          new String[] {"400", "1500"});
      result.add(write(l, out, study, series, sopUid, CT_IMAGE));
    }
    return result;
  }

  // ---------------------------------------------------------------- US multi-frame cine

  private List<GeneratedInstance> ultrasound(Study study, Path out, GeneratorOptions options)
      throws IOException, DicomException {
    int loops = count(options, 2, 1, 3);
    int frames = options.smallMatrices() ? 3 : 30;
    int cols = options.smallMatrices() ? 64 : 640;
    int rows = options.smallMatrices() ? 64 : 480;
    int heartRate = 80 + random.nextInt(60);
    Series series = new Series(uids.next(), 1, "US", "HEART", "Echocardiography",
        study.time.plusMinutes(1));
    List<GeneratedInstance> result = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      String sopUid = uids.next();
      AttributeList l = base(study, series, US_MULTIFRAME, sopUid, i + 1, i);
      // US Image Module (PS3.3 C.8.5.6): value 4 of Image Type is the mode bitmap, 0001 = 2D.
      put(l, TagFromName.ImageType, ValueRepresentation.CS, "ORIGINAL", "PRIMARY", "CARDIAC",
          "0001");
      put(l, TagFromName.PatientOrientation, ValueRepresentation.CS);
      put(l, TagFromName.LossyImageCompression, ValueRepresentation.CS, "00");
      put(l, TagFromName.HeartRate, ValueRepresentation.IS, Integer.toString(heartRate));
      Dicom.putInt(l, TagFromName.UltrasoundColorDataPresent, ValueRepresentation.US, 1);
      // Multi-frame and Cine Modules (PS3.3 C.7.6.6, C.7.6.5): frames advance by Frame Time.
      put(l, TagFromName.NumberOfFrames, ValueRepresentation.IS, Integer.toString(frames));
      Dicom.putTag(l, TagFromName.FrameIncrementPointer, TagFromName.FrameTime);
      put(l, TagFromName.FrameTime, ValueRepresentation.DS, Dicom.ds(1000.0 / 30));
      put(l, Dicom.CINE_RATE, ValueRepresentation.IS, "30");
      put(l, Dicom.RECOMMENDED_DISPLAY_FRAME_RATE, ValueRepresentation.IS, "30");
      // Image Pixel Module (PS3.3 C.7.6.3): RGB, colour-by-pixel.
      Dicom.putInt(l, TagFromName.SamplesPerPixel, ValueRepresentation.US, 3);
      put(l, TagFromName.PhotometricInterpretation, ValueRepresentation.CS, "RGB");
      Dicom.putInt(l, TagFromName.PlanarConfiguration, ValueRepresentation.US, 0);
      Dicom.putInt(l, TagFromName.Rows, ValueRepresentation.US, rows);
      Dicom.putInt(l, TagFromName.Columns, ValueRepresentation.US, cols);
      Dicom.putInt(l, TagFromName.BitsAllocated, ValueRepresentation.US, 8);
      Dicom.putInt(l, TagFromName.BitsStored, ValueRepresentation.US, 8);
      Dicom.putInt(l, TagFromName.HighBit, ValueRepresentation.US, 7);
      Dicom.putInt(l, TagFromName.PixelRepresentation, ValueRepresentation.US, 0);
      int frameBytes = rows * cols * 3;
      byte[] pixels = new byte[frameBytes * frames];
      double phaseStart = random.nextDouble();
      for (int f = 0; f < frames; f++) {
        double phase = (phaseStart + (double) f / frames * heartRate / 60.0) % 1.0;
        Phantoms.usFrame(pixels, f * frameBytes, cols, rows, phase, random.nextLong());
      }
      OtherByteAttribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
      pixelData.setValues(pixels);
      l.put(pixelData);
      result.add(write(l, out, study, series, sopUid, US_MULTIFRAME));
    }
    return result;
  }

  // ---------------------------------------------------------------- shared modules

  /**
   * SOP Common, Patient (with the veterinary attributes of PS3.3 C.7.1.1), General Study, General
   * Series, General Equipment and General Image attributes.
   */
  private static AttributeList base(Study study, Series series, String sopClass, String sopUid,
      int instanceNumber, int secondsAfterSeries) throws DicomException {
    SyntheticPatient p = study.patient;
    AttributeList l = new AttributeList();
    put(l, TagFromName.SpecificCharacterSet, ValueRepresentation.CS, "ISO_IR 100");
    put(l, TagFromName.SOPClassUID, ValueRepresentation.UI, sopClass);
    put(l, TagFromName.SOPInstanceUID, ValueRepresentation.UI, sopUid);
    put(l, TagFromName.StudyDate, ValueRepresentation.DA, Dicom.da(study.date));
    put(l, TagFromName.SeriesDate, ValueRepresentation.DA, Dicom.da(study.date));
    put(l, TagFromName.ContentDate, ValueRepresentation.DA, Dicom.da(study.date));
    put(l, TagFromName.StudyTime, ValueRepresentation.TM, Dicom.tm(study.time));
    put(l, TagFromName.SeriesTime, ValueRepresentation.TM, Dicom.tm(series.time));
    put(l, TagFromName.ContentTime, ValueRepresentation.TM,
        Dicom.tm(series.time.plusSeconds(secondsAfterSeries * 20L)));
    put(l, TagFromName.AccessionNumber, ValueRepresentation.SH, study.accession);
    put(l, TagFromName.Modality, ValueRepresentation.CS, series.modality);
    put(l, TagFromName.Manufacturer, ValueRepresentation.LO, MANUFACTURER);
    put(l, TagFromName.ManufacturerModelName, ValueRepresentation.LO, "Synthetic " + series.modality);
    put(l, TagFromName.InstitutionName, ValueRepresentation.LO, p.clinic());
    put(l, TagFromName.ReferringPhysicianName, ValueRepresentation.PN);
    put(l, TagFromName.StudyDescription, ValueRepresentation.LO, studyDescription(series));
    put(l, TagFromName.SeriesDescription, ValueRepresentation.LO, series.description);

    put(l, TagFromName.PatientName, ValueRepresentation.PN, p.dicomName());
    put(l, TagFromName.PatientID, ValueRepresentation.LO, p.patientId());
    put(l, TagFromName.PatientBirthDate, ValueRepresentation.DA, Dicom.da(p.birthDate()));
    put(l, TagFromName.PatientSex, ValueRepresentation.CS, p.sex().dicomValue());
    put(l, TagFromName.PatientComments, ValueRepresentation.LT,
        "Synthetic test data from VetPACS test-data; not a real patient");
    put(l, TagFromName.PatientSpeciesDescription, ValueRepresentation.LO,
        p.species().dicomDescription());
    // Type 1C: required if the description is absent; written whenever the code is verified.
    if (p.species().snomed().isPresent()) {
      Dicom.putCode(l, TagFromName.PatientSpeciesCodeSequence, p.species().snomed().get());
    }
    Breed breed = p.breed();
    put(l, TagFromName.PatientBreedDescription, ValueRepresentation.LO,
        breed == null ? new String[0] : new String[] {breed.description()});
    Dicom.putCode(l, TagFromName.PatientBreedCodeSequence,
        breed == null ? null : breed.snomed().orElse(null));
    Dicom.putEmptySequence(l, TagFromName.BreedRegistrationSequence);
    put(l, TagFromName.ResponsiblePerson, ValueRepresentation.PN, p.responsiblePerson());
    put(l, TagFromName.ResponsiblePersonRole, ValueRepresentation.CS, "OWNER");
    put(l, TagFromName.ResponsibleOrganization, ValueRepresentation.LO, p.clinic());
    put(l, TagFromName.PatientSexNeutered, ValueRepresentation.CS, p.neuterStatus().dicomValue());

    put(l, TagFromName.BodyPartExamined, ValueRepresentation.CS, series.bodyPart);
    put(l, TagFromName.AnatomicalOrientationType, ValueRepresentation.CS, "QUADRUPED");
    put(l, TagFromName.StudyInstanceUID, ValueRepresentation.UI, study.uid);
    put(l, TagFromName.SeriesInstanceUID, ValueRepresentation.UI, series.uid);
    put(l, TagFromName.StudyID, ValueRepresentation.SH, study.studyId);
    put(l, TagFromName.SeriesNumber, ValueRepresentation.IS, Integer.toString(series.number));
    put(l, TagFromName.InstanceNumber, ValueRepresentation.IS, Integer.toString(instanceNumber));
    return l;
  }

  private static String studyDescription(Series series) {
    return switch (series.modality) {
      case "DX" -> series.bodyPart.equals("CHEST") ? "Thorax radiographs" : "Limb radiographs";
      case "IO" -> "Dental radiographs";
      case "CT" -> "CT thorax and abdomen";
      default -> "Echocardiography";
    };
  }

  /** Image Pixel Module (PS3.3 C.7.6.3) and VOI LUT window for 16-bit MONOCHROME2 samples. */
  private static void monochrome16(AttributeList l, int rows, int cols, int bitsStored,
      short[] pixels, String windowCenter, String windowWidth) throws DicomException {
    monochrome16(l, rows, cols, bitsStored, pixels, new String[] {windowCenter},
        new String[] {windowWidth});
  }

  private static void monochrome16(AttributeList l, int rows, int cols, int bitsStored,
      short[] pixels, String[] windowCenter, String[] windowWidth) throws DicomException {
    Dicom.putInt(l, TagFromName.SamplesPerPixel, ValueRepresentation.US, 1);
    put(l, TagFromName.PhotometricInterpretation, ValueRepresentation.CS, "MONOCHROME2");
    Dicom.putInt(l, TagFromName.Rows, ValueRepresentation.US, rows);
    Dicom.putInt(l, TagFromName.Columns, ValueRepresentation.US, cols);
    Dicom.putInt(l, TagFromName.BitsAllocated, ValueRepresentation.US, 16);
    Dicom.putInt(l, TagFromName.BitsStored, ValueRepresentation.US, bitsStored);
    Dicom.putInt(l, TagFromName.HighBit, ValueRepresentation.US, bitsStored - 1);
    Dicom.putInt(l, TagFromName.PixelRepresentation, ValueRepresentation.US, 0);
    put(l, TagFromName.WindowCenter, ValueRepresentation.DS, windowCenter);
    put(l, TagFromName.WindowWidth, ValueRepresentation.DS, windowWidth);
    OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
    pixelData.setValues(pixels);
    l.put(pixelData);
  }

  /** Adds File Meta Information (PS3.10 7.1) and writes Explicit VR Little Endian. */
  private static GeneratedInstance write(AttributeList l, Path out, Study study, Series series,
      String sopUid, String sopClass) throws IOException, DicomException {
    Path dir = out.resolve(study.uid).resolve(series.uid);
    Files.createDirectories(dir);
    Path file = dir.resolve(sopUid + ".dcm");
    FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian,
        "VETPACS_TD");
    l.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    return new GeneratedInstance(file, sopClass, sopUid, series.uid, Files.size(file));
  }

  private static void put(AttributeList l, com.pixelmed.dicom.AttributeTag tag, byte[] vr,
      String... values) throws DicomException {
    Dicom.put(l, tag, vr, values);
  }

  /** The study-level values every instance shares. */
  private record Study(String uid, String accession, String studyId, LocalDate date,
      LocalTime time, SyntheticPatient patient) {}

  /** The series-level values every instance of a series shares. */
  private record Series(String uid, int number, String modality, String bodyPart,
      String description, LocalTime time) {}
}
