package org.vetpacs.dicomweb.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.CStoreRequestCommandMessage;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.vetpacs.dicomweb.ingest.DicomStatus;

class DimseCommandTest {

  @Test
  void parsesACStoreRequestAsPixelmedEncodesIt() throws Exception {
    byte[] bytes =
        new CStoreRequestCommandMessage("1.2.840.10008.5.1.4.1.1.2", "2.25.1", "MOVESCU", 9)
            .getBytes();
    DimseCommand command = DimseCommand.parse(bytes);
    assertEquals(DimseCommand.C_STORE_RQ, command.commandField());
    assertEquals("1.2.840.10008.5.1.4.1.1.2", command.affectedSopClassUid());
    assertEquals("2.25.1", command.affectedSopInstanceUid());
    assertTrue(command.hasDataSet());
    assertEquals("MOVESCU", command.string(DimseCommand.MOVE_ORIGINATOR_AE_TITLE));
  }

  @Test
  void encodesAFinalMoveResponseThatPixelmedReadsBack() throws Exception {
    DimseCommand request = new DimseCommand();
    request.putUid(DimseCommand.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.2.2.2");
    request.putUs(DimseCommand.COMMAND_FIELD, DimseCommand.C_MOVE_RQ);
    request.putUs(DimseCommand.MESSAGE_ID, 7);
    DimseCommand response =
        DimseCommand.responseTo(request, DicomStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES.code());
    response.putUs(DimseCommand.COMPLETED, 2).putUs(DimseCommand.FAILED, 1);
    byte[] bytes = response.withDataSet().encode();

    AttributeList list = new AttributeList();
    list.read(new DicomInputStream(new ByteArrayInputStream(bytes), TransferSyntax.ImplicitVRLittleEndian, false));
    assertEquals(0x8021, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.CommandField, 0));
    assertEquals(7, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.MessageIDBeingRespondedTo, 0));
    assertEquals(0xB000, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, 0));
    assertEquals(2, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfCompletedSuboperations, 0));
    assertEquals(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFailedSuboperations, 0));
    assertTrue(list.get(TagFromName.NumberOfRemainingSuboperations) == null,
        "no Number of Remaining Sub-operations in a final response");
    assertEquals(bytes.length - 12,
        Attribute.getSingleIntegerValueOrDefault(list, new com.pixelmed.dicom.AttributeTag(0x0000, 0x0000), 0));
  }

  @Test
  void responseWithoutDataSetSaysSoAndErrorCommentIsCutToLo() {
    DimseCommand request = new DimseCommand().putUs(DimseCommand.COMMAND_FIELD, DimseCommand.C_ECHO_RQ);
    DimseCommand response = DimseCommand.responseTo(request, 0);
    assertFalse(DimseCommand.parse(response.encode()).hasDataSet());
    response.putErrorComment("x".repeat(100) + "\n");
    assertEquals(64, DimseCommand.parse(response.encode()).string(DimseCommand.ERROR_COMMENT).length());
  }

  @Test
  void refusesACommandSetThatIsNotGroup0000() {
    byte[] bytes = {0x08, 0x00, 0x16, 0x00, 2, 0, 0, 0, '1', 0};
    assertThrows(IllegalArgumentException.class, () -> DimseCommand.parse(bytes));
  }
}
