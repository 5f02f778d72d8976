#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - VENDAS                                          #
# PROGRAMA: vdp9140 - RELAÇÃO DE PEDIDOS POR CLIENTE                #
#           (exemplo sintético: comentários e textos que parecem    #
#           chamadas de licença e não são)                          #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario,
          p_status        SMALLINT
END GLOBALS

DEFINE mr_pedido  RECORD
          num_pedido    LIKE pedidos.num_pedido,
          cod_cliente   LIKE pedidos.cod_cliente,
          val_pedido    DECIMAL(17,2)
                  END RECORD

#------------------#
 FUNCTION vdp9140()
#------------------#
   { versão anterior, mantida só como histórico:
     IF LOG_initApp("FAKE") <> 0 THEN
        RETURN
     END IF
   }
   # CALL LOG_initApp("VDPFAKE") RETURNING p_status   -- desativado
   IF LOG_initApp("VDPPED") <> 0 THEN
      RETURN
   END IF

   --# CALL fgl_settitle("Relação de pedidos")
   CALL vdp9140_lista()
END FUNCTION

#------------------------#
 FUNCTION vdp9140_lista()
#------------------------#
   DECLARE cq_pedidos CURSOR FOR
    SELECT num_pedido, cod_cliente, val_pedido
      FROM pedidos
     WHERE cod_empresa = p_cod_empresa

   START REPORT vdp9140_relat
   FOREACH cq_pedidos INTO mr_pedido.*
      IF STATUS <> 0 THEN
         ERROR "LOG_initApp('VDPPED') não é chamado aqui: erro de leitura."
         EXIT FOREACH
      END IF
      OUTPUT TO REPORT vdp9140_relat(mr_pedido.*)
   END FOREACH
   FINISH REPORT vdp9140_relat
END FUNCTION

#-----------------------------#
 REPORT vdp9140_relat(lr_ped)
#-----------------------------#
   DEFINE lr_ped RECORD
             num_pedido   INTEGER,
             cod_cliente  CHAR(15),
             val_pedido   DECIMAL(17,2)
          END RECORD

   FORMAT
      PAGE HEADER
         PRINT COLUMN 001, "VDP9140 - PEDIDOS # CLIENTE",
               COLUMN 060, "PÁG. ", PAGENO USING "####&"
      ON EVERY ROW
         PRINT COLUMN 001, "Pedido {INT} ", lr_ped.num_pedido USING "######&",
               COLUMN 030, lr_ped.cod_cliente,
               COLUMN 050, lr_ped.val_pedido USING "###,###,##&.&&"
END REPORT
